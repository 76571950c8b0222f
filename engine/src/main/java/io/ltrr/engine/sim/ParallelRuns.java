package io.ltrr.engine.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs independent tasks on a pool of {@code parallelism} named daemon threads and returns their results in task
 * order, whatever order they finish in, so a caller's output does not depend on the parallelism. The first failure
 * is rethrown (unwrapped) after the pool has been shut down; tasks are expected to stop early on their own when told
 * (see {@link RunYardstick}'s abort).
 */
final class ParallelRuns {
    private static final AtomicInteger POOLS = new AtomicInteger();

    private ParallelRuns() {
    }

    static <T> List<T> run(List<Callable<T>> tasks, int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1, was " + parallelism);
        }
        int threads = Math.min(parallelism, Math.max(1, tasks.size()));
        if (threads == 1) {
            return inOrder(tasks);
        }
        int pool = POOLS.incrementAndGet();
        AtomicInteger worker = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "ltrr-compare-" + pool + "-" + worker.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>(tasks.size());
            for (Callable<T> task : tasks) {
                futures.add(executor.submit(task));
            }
            List<T> out = new ArrayList<>(tasks.size());
            RuntimeException firstFailure = null;
            for (Future<T> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    RuntimeException failure = unwrap(e.getCause());
                    // a run stopped because another failed is not the news: keep the first real failure
                    if (firstFailure == null || firstFailure instanceof CancellationException) {
                        firstFailure = failure;
                    }
                }
            }
            if (firstFailure != null) {
                throw firstFailure;
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for the runs");
        } finally {
            executor.shutdownNow();
        }
    }

    private static <T> List<T> inOrder(List<Callable<T>> tasks) {
        List<T> out = new ArrayList<>(tasks.size());
        for (Callable<T> task : tasks) {
            try {
                out.add(task.call());
            } catch (Exception e) {
                throw unwrap(e);
            }
        }
        return out;
    }

    private static RuntimeException unwrap(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(t.getMessage(), t);
    }
}
