package io.ltrr.engine.catalog;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

/**
 * Repairs text that was UTF-8 but got decoded as Windows-1252 somewhere upstream ("Oâ€™sullivan" for
 * "O’sullivan", "SeÃ±or" for "Señor").
 *
 * <p>The repair is only applied when it is unambiguous: the text re-encodes to Windows-1252 bytes and those bytes
 * are valid UTF-8. Genuine Latin-1 text such as "Señor" fails that test (a lone 0xF1 is not UTF-8), so it is left
 * alone. Text garbled twice is repaired by repeating the step.
 */
final class MojibakeRepair {

    private static final int MAX_ROUNDS = 3;

    /**
     * Windows-1252 char to byte. The five byte values Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D)
     * map to the C1 control of the same number, because that is what lenient decoders produced from them
     * ("Ã\u0081vila" for "Ávila" occurs in the freemusi.cc data).
     */
    private static final Map<Character, Byte> CP1252 = cp1252Table();

    private MojibakeRepair() {
    }

    /** Repaired, NFC-normalised and trimmed; null becomes "". */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        return Normalizer.normalize(repair(s), Normalizer.Form.NFC).strip();
    }

    /** The repaired text, or the text itself when it is not (unambiguously) mojibake. */
    static String repair(String s) {
        String current = s;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            String next = repairOnce(current);
            if (next == null || next.equals(current)) {
                break;
            }
            current = next;
        }
        return current;
    }

    private static String repairOnce(String s) {
        if (s.chars().allMatch(c -> c < 0x80)) {
            return null;
        }
        byte[] bytes = new byte[s.length()];
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            Byte b = c < 0x80 ? Byte.valueOf((byte) c) : CP1252.get(c);
            if (b == null) {
                return null;
            }
            bytes[i] = b;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static Map<Character, Byte> cp1252Table() {
        Charset cp1252 = Charset.forName("windows-1252");
        Map<Character, Byte> table = new HashMap<>();
        for (int b = 0x80; b <= 0xFF; b++) {
            CharBuffer decoded = cp1252.decode(ByteBuffer.wrap(new byte[] {(byte) b}));
            char c = decoded.length() == 1 && decoded.charAt(0) != '\uFFFD' ? decoded.charAt(0) : (char) b;
            table.put(c, (byte) b);
        }
        return Map.copyOf(table);
    }
}
