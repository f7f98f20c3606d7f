package io.firedrill.orchestrator.schedule;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Keeps Quartz's interrupts away from H2's file. Quartz interrupts its own threads when it stops (the scheduler
 * thread on halt, the misfire handler on shutdown), and an embedded H2 reads and writes its file with a
 * {@code FileChannel}, which the JDK closes when the thread using it is interrupted: H2 then closes the whole
 * database, under the run engine and everything else still writing during shutdown (h2database issues 227, 1076).
 *
 * <p>So on H2 every JDBC call Quartz makes runs on a thread of this class, which nothing interrupts. The Quartz thread
 * waits for it without giving up on an interrupt, then keeps its interrupt flag, so Quartz still sees that it was
 * asked to stop. The statements, result sets and blobs a call returns are shielded the same way. PostgreSQL's driver
 * talks over a socket that interrupts do not close, so it goes without.
 */
final class InterruptShield implements AutoCloseable {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final ExecutorService io = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "game-days-jdbc-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    /** A connection from {@code pool}, taken and used only on the shield's threads. */
    Connection connection(DataSource pool) throws SQLException {
        try {
            return shield(Connection.class, await(pool::getConnection));
        } catch (SQLException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new SQLException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T shield(Class<T> type, T target) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> invoke(proxy, target, method, args));
    }

    @SuppressWarnings("unchecked")
    private Object invoke(Object proxy, Object target, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "shielded " + target;
            };
        }
        Object result = await(() -> method.invoke(target, args));
        Class<?> type = method.getReturnType();
        if (result != null && type.isInterface() && type.getPackageName().equals("java.sql")) {
            return shield((Class<Object>) type, result);
        }
        return result;
    }

    /** Runs {@code call} on a shield thread and waits for it, interrupts or not; rethrows what it threw. */
    private <T> T await(Callable<T> call) throws Throwable {
        Future<T> future = io.submit(call);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    throw cause instanceof InvocationTargetException target ? target.getCause() : cause;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** After the scheduler has stopped: no call is left to run. */
    @Override
    public void close() {
        io.shutdown();
    }
}
