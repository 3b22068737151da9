package telegate.watch.control;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;
import telegate.platform.control.Logs;

/**
 * Tasks run one at a time, in order, on a shared executor: one account's updates
 * and history reads never overlap, without a thread per account. Bounded: a full
 * queue refuses new tasks (the caller decides what that costs).
 */
public final class SerialQueue {

    private static final Logger LOG = Logs.of(SerialQueue.class);

    private final Executor executor;
    private final int capacity;
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private boolean running;

    public SerialQueue(Executor executor, int capacity) {
        this.executor = executor;
        this.capacity = capacity;
    }

    /** Queues a task; false (and nothing queued) when the queue is full. */
    public boolean offer(Runnable task) {
        synchronized (tasks) {
            if (tasks.size() >= capacity) {
                return false;
            }
            tasks.add(task);
            if (running) {
                return true;
            }
            running = true;
        }
        executor.execute(this::drain);
        return true;
    }

    /** Whether no task waits behind the one running now (a good moment to write a batch). */
    public boolean isIdle() {
        synchronized (tasks) {
            return tasks.isEmpty();
        }
    }

    public int size() {
        synchronized (tasks) {
            return tasks.size();
        }
    }

    private void drain() {
        while (true) {
            Runnable task;
            synchronized (tasks) {
                task = tasks.poll();
                if (task == null) {
                    running = false;
                    return;
                }
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A watcher task failed; the next one goes on", e);
            }
        }
    }
}
