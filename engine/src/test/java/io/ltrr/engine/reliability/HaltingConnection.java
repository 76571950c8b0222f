package io.ltrr.engine.reliability;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Set;

/**
 * A JDBC connection that, once armed, counts the points where a transaction changes the database (every
 * executed write statement, and the commit) and halts the JVM at the chosen one, before it runs: a crash between
 * any two writes of a transaction, or after all its writes but before its commit.
 */
final class HaltingConnection {
    private static final Set<String> WRITES = Set.of("execute", "executeUpdate", "executeLargeUpdate", "executeBatch",
            "executeLargeBatch");
    private static volatile boolean armed;
    private static volatile int haltAt = -1;
    private static int points;

    private HaltingConnection() {
    }

    /** From now on count points; halt at point {@code at} (1-based), never when negative. */
    static synchronized void arm(int at) {
        points = 0;
        haltAt = at;
        armed = true;
    }

    /** Stops counting; returns the points counted since {@link #arm}. */
    static synchronized int disarm() {
        armed = false;
        return points;
    }

    static Connection wrap(Connection c) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                handler(c, true));
    }

    private static InvocationHandler handler(Object target, boolean connection) {
        return (proxy, method, args) -> {
            String name = method.getName();
            if (connection && name.equals("commit") || !connection && WRITES.contains(name)) {
                point();
            }
            Object result = invoke(target, method, args);
            if (connection && name.equals("prepareStatement")) {
                return Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                        new Class<?>[] {PreparedStatement.class}, handler(result, false));
            }
            return result;
        };
    }

    private static synchronized void point() {
        if (!armed) {
            return;
        }
        points++;
        if (points == haltAt) {
            Runtime.getRuntime().halt(3); // no shutdown hooks, no close: as abrupt as a kill
        }
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
