import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The test guard: fails the build when a test class of a module did not run.
 *
 * <p>Every class under {@code src/test/java} with test methods ({@code @Test}, {@code @ParameterizedTest},
 * {@code @RepeatedTest}, {@code @TestFactory}, {@code @TestTemplate}, jqwik's {@code @Property} and
 * {@code @Example}) of its own, inherited from a test class of the same module, or in a {@code @Nested} inner
 * class, must be named by a Surefire or Failsafe report ({@code target/*-reports/TEST-*.xml}) written during this
 * build. Abstract classes and interfaces are skipped (the classes extending them are checked); {@code @Nested}
 * (jqwik: {@code @Group}) inner classes run, and count, with their outer class.
 *
 * <p>Run by maven-antrun-plugin in the {@code verify} phase of every module (see the parent pom), as a single
 * source file on the JDK that runs Maven (17 or newer): {@code java build-tools/TestGuard.java --basedir=DIR …}.
 * It reads sources and reports only, so it needs no classpath. It stands aside when {@code -Dtest=…} selects a
 * subset and when tests are skipped.
 */
public final class TestGuard {
    private static final String PREFIX = "[test guard] ";
    private static final Pattern TEST_ANNOTATION = Pattern.compile(
            "@(?:[\\w.]+\\.)?(?:Test|RepeatedTest|TestFactory|TestTemplate|ParameterizedTest|Property|Example)(?![\\w.])");
    private static final Pattern NESTED_ANNOTATION = Pattern.compile("@(?:[\\w.]+\\.)?(?:Nested|Group)(?![\\w.])");
    private static final Pattern TYPE_DECLARATION = Pattern.compile(
            "(?<![\\w.@])(class|interface|enum|record)\\s+([A-Za-z_$][\\w$]*)");
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern GENERICS = Pattern.compile("<[^<>]*>");
    private static final Pattern SUPERTYPES = Pattern.compile(
            "\\b(?:extends|implements)\\s+([\\w.]+(?:\\s*,\\s*[\\w.]+)*)");

    /** One class, interface, enum or record declared in a test source file. */
    private static final class Type {
        String binaryName;
        String simpleName;
        String packageName;
        String kind;
        boolean isAbstract;
        boolean isStatic;
        boolean nestedAnnotated;
        final List<String> supertypes = new ArrayList<>();
        Type outer;
        int bodyStart;
        int bodyEnd;
        boolean ownTests;
        final List<Type> members = new ArrayList<>();

        boolean runsWithOuter() {
            return outer != null && nestedAnnotated && !isStatic && kind.equals("class");
        }

        boolean concrete() {
            return kind.equals("class") && !isAbstract;
        }
    }

    private TestGuard() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> opts = options(args);
        Path basedir = Path.of(opts.getOrDefault("basedir", ".")).toAbsolutePath().normalize();
        String module = opts.getOrDefault("module", basedir.getFileName().toString());
        String skipReason = skipReason(opts);
        if (skipReason != null) {
            System.out.println(PREFIX + module + ": skipped (" + skipReason + ")");
            return;
        }
        Path sources = basedir.resolve("src/test/java");
        if (!Files.isDirectory(sources)) {
            System.out.println(PREFIX + module + ": no src/test/java, nothing to check");
            return;
        }
        Instant since = opts.containsKey("since") ? Instant.parse(opts.get("since")) : Instant.EPOCH;

        List<String> testClasses = testClasses(sources);
        Set<String> reported = reportedClasses(basedir, since);
        List<String> missing = testClasses.stream().filter(c -> !ran(c, reported)).collect(Collectors.toList());
        if (missing.isEmpty()) {
            System.out.println(PREFIX + module + ": all " + testClasses.size()
                    + " test classes ran (Surefire/Failsafe reports of this build)");
            return;
        }
        System.out.println(PREFIX + module + ": " + missing.size() + " of " + testClasses.size()
                + " test classes did not run:");
        missing.forEach(c -> System.out.println(PREFIX + "  " + c));
        System.out.println(PREFIX + "name test classes *Test, *Tests or *Properties (the Surefire includes of the"
                + " parent pom) or add their pattern there; see README, Run the tests");
        System.exit(1);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (String a : args) {
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + a);
            }
            int eq = a.indexOf('=');
            opts.put(eq < 0 ? a.substring(2) : a.substring(2, eq), eq < 0 ? "true" : a.substring(eq + 1));
        }
        return opts;
    }

    private static String skipReason(Map<String, String> opts) {
        if (isSet(opts.get("skip"))) {
            return "-Dltrr.testguard.skip";
        }
        if (isSet(opts.get("maven-test-skip")) || isSet(opts.get("skip-tests"))) {
            return "tests skipped";
        }
        String test = opts.getOrDefault("test", "");
        if (!test.isBlank()) {
            return "-Dtest=" + test + " runs a chosen subset";
        }
        return null;
    }

    private static boolean isSet(String flag) {
        return flag != null && !flag.isBlank() && !flag.equalsIgnoreCase("false");
    }

    // ---- test classes on disk ----

    /** The binary names of the classes that must be named by a report, sorted. */
    static List<String> testClasses(Path sources) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(".java")).sorted().collect(Collectors.toList());
        }
        List<Type> types = new ArrayList<>();
        for (Path file : files) {
            types.addAll(parse(Files.readString(file)));
        }
        Map<String, List<Type>> bySimpleName = new HashMap<>();
        types.forEach(t -> bySimpleName.computeIfAbsent(t.simpleName, k -> new ArrayList<>()).add(t));
        Set<String> result = new TreeSet<>();
        for (Type t : types) {
            if (t.concrete() && !t.runsWithOuter() && hasTests(t, bySimpleName, new HashSet<>())) {
                result.add(t.binaryName);
            }
        }
        return new ArrayList<>(result);
    }

    /** Own test methods, inherited ones (from a class of the same module), or ones of a {@code @Nested} member. */
    private static boolean hasTests(Type t, Map<String, List<Type>> bySimpleName, Set<Type> seen) {
        if (!seen.add(t)) {
            return false;
        }
        if (t.ownTests) {
            return true;
        }
        for (Type m : t.members) {
            if (m.runsWithOuter() && hasTests(m, bySimpleName, seen)) {
                return true;
            }
        }
        for (String name : t.supertypes) {
            Type parent = resolve(name, t, bySimpleName);
            if (parent != null && hasTests(parent, bySimpleName, seen)) {
                return true;
            }
        }
        return false;
    }

    /** A superclass or interface when it is declared in this module's test sources (same package preferred). */
    private static Type resolve(String name, Type from, Map<String, List<Type>> bySimpleName) {
        String simple = name.substring(name.lastIndexOf('.') + 1);
        List<Type> candidates = bySimpleName.getOrDefault(simple, List.of());
        return candidates.stream().filter(c -> c.packageName.equals(from.packageName)).findFirst()
                .orElse(candidates.isEmpty() ? null : candidates.get(0));
    }

    /** The names after {@code extends} and {@code implements} in a declaration's header, type arguments dropped. */
    private static List<String> supertypes(String header) {
        String plain = header;
        for (String previous = null; !plain.equals(previous); ) {
            previous = plain;
            plain = GENERICS.matcher(plain).replaceAll(" ");
        }
        int permits = plain.indexOf("permits");
        plain = permits < 0 ? plain : plain.substring(0, permits);
        List<String> names = new ArrayList<>();
        Matcher m = SUPERTYPES.matcher(plain);
        while (m.find()) {
            for (String n : m.group(1).split(",")) {
                names.add(n.trim());
            }
        }
        return names;
    }

    /** The types a source file declares, nested ones included, with what the guard needs to know of them. */
    static List<Type> parse(String source) {
        String code = stripCommentsAndLiterals(source);
        Matcher pkg = PACKAGE.matcher(code);
        String packageName = pkg.find() ? pkg.group(1) : "";
        List<Type> types = new ArrayList<>();
        Matcher decl = TYPE_DECLARATION.matcher(code);
        while (decl.find()) {
            int open = code.indexOf('{', decl.end());
            if (open < 0) {
                break;
            }
            Type t = new Type();
            t.kind = decl.group(1);
            t.simpleName = decl.group(2);
            t.packageName = packageName;
            t.bodyStart = open;
            t.bodyEnd = matchingBrace(code, open);
            String modifiers = code.substring(declarationStart(code, decl.start()), decl.start());
            t.isAbstract = t.kind.equals("interface") || modifiers.matches("(?s).*\\babstract\\b.*");
            t.isStatic = !t.kind.equals("class") || modifiers.matches("(?s).*\\bstatic\\b.*");
            t.nestedAnnotated = NESTED_ANNOTATION.matcher(modifiers).find();
            t.supertypes.addAll(supertypes(code.substring(decl.end(), open)));
            for (Type candidate : types) { // innermost enclosing type: the last one whose body holds this one
                if (candidate.bodyStart < open && open < candidate.bodyEnd) {
                    t.outer = candidate;
                }
            }
            if (t.outer != null) {
                t.outer.members.add(t);
            }
            t.binaryName = t.outer != null ? t.outer.binaryName + "$" + t.simpleName
                    : (packageName.isEmpty() ? "" : packageName + ".") + t.simpleName;
            types.add(t);
        }
        Matcher test = TEST_ANNOTATION.matcher(code);
        while (test.find()) {
            Type owner = null;
            for (Type t : types) {
                if (t.bodyStart < test.start() && test.start() < t.bodyEnd) {
                    owner = t; // types are in source order, so the last match is the innermost
                }
            }
            if (owner != null) {
                owner.ownTests = true;
            }
        }
        return types;
    }

    /** Start of the annotations and modifiers before a declaration: just after the previous ; { or }. */
    private static int declarationStart(String code, int keyword) {
        int i = keyword - 1;
        int parens = 0;
        for (; i >= 0; i--) {
            char c = code.charAt(i);
            if (c == ')') {
                parens++;
            } else if (c == '(') {
                parens--;
            } else if (parens == 0 && (c == ';' || c == '{' || c == '}')) {
                break;
            }
        }
        return i + 1;
    }

    private static int matchingBrace(String code, int open) {
        int depth = 0;
        for (int i = open; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return code.length();
    }

    /** The code with comments, string, text block and char literals blanked out (lengths kept). */
    static String stripCommentsAndLiterals(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int end;
            if (s.startsWith("//", i)) {
                end = s.indexOf('\n', i);
                end = end < 0 ? s.length() : end;
            } else if (s.startsWith("/*", i)) {
                end = s.indexOf("*/", i + 2);
                end = end < 0 ? s.length() : end + 2;
            } else if (s.startsWith("\"\"\"", i)) {
                end = literalEnd(s, i + 3, "\"\"\"");
            } else if (c == '"' || c == '\'') {
                end = literalEnd(s, i + 1, String.valueOf(c));
            } else {
                out.append(c);
                i++;
                continue;
            }
            for (int j = i; j < end; j++) {
                out.append(s.charAt(j) == '\n' ? '\n' : ' ');
            }
            i = end;
        }
        return out.toString();
    }

    private static int literalEnd(String s, int from, String close) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == '\\') {
                i++;
            } else if (s.startsWith(close, i)) {
                return i + close.length();
            }
        }
        return s.length();
    }

    // ---- test reports ----

    /** Test suite names and test case class names of the reports written at or after {@code since}. */
    private static Set<String> reportedClasses(Path basedir, Instant since) throws IOException {
        Set<String> names = new TreeSet<>();
        for (String dir : List.of("target/surefire-reports", "target/failsafe-reports")) {
            Path reports = basedir.resolve(dir);
            if (!Files.isDirectory(reports)) {
                continue;
            }
            List<Path> files;
            try (Stream<Path> list = Files.list(reports)) {
                files = list.filter(p -> p.getFileName().toString().matches("TEST-.*\\.xml")).collect(Collectors.toList());
            }
            for (Path report : files) {
                if (!Files.getLastModifiedTime(report).toInstant().isBefore(since)) { // older: an earlier build's
                    readReport(report, names);
                }
            }
        }
        return names;
    }

    private static void readReport(Path report, Set<String> names) throws IOException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        try (InputStream in = Files.newInputStream(report)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                    String attribute = xml.getLocalName().equals("testsuite") ? "name"
                            : xml.getLocalName().equals("testcase") ? "classname" : null;
                    String value = attribute == null ? null : xml.getAttributeValue(null, attribute);
                    if (value != null && !value.isBlank()) {
                        names.add(value);
                    }
                }
            }
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("unreadable test report " + report + ": " + e.getMessage(), e);
        }
    }

    /** A class ran when a report names it, or names a class nested in it (its @Nested tests). */
    private static boolean ran(String className, Set<String> reported) {
        String nestedPrefix = className + "$";
        return reported.contains(className) || reported.stream().anyMatch(r -> r.startsWith(nestedPrefix));
    }
}
