package io.firedrill.orchestrator.run;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The workload of a run: {@code concurrency} clients that write uniquely keyed records through the estate's
 * front door at {@code rate} writes per second in all, and now and then read back a key that was acknowledged,
 * recording every operation in the history (Jepsen's model).
 *
 * <p>How answers become history: 200/201 are {@code ok}; an answer that says the write was refused (400, 404,
 * 409, 503) is {@code fail}; a gateway answer (502, 504), a timeout or a connection broken after the request went
 * out is {@code info}, since the write may or may not have happened; a connection the front door refused outright
 * is {@code fail}. A client that got {@code info} carries on under a new process id.
 */
public final class WorkloadClient {
    /**
     * Who each client is, for front doors that route by client (the reference estate's router keeps a DNS-like
     * answer per client); others ignore it.
     */
    public static final String CLIENT_HEADER = "Firedrill-Client";
    /** One operation in this many is a read of a key already acknowledged. */
    private static final int READ_EVERY = 5;
    private static final int REMEMBERED_KEYS = 10_000;

    private final URI frontDoor;
    private final double rate;
    private final int concurrency;
    private final String keyPrefix;
    private final Duration opTimeout;
    private final RunClock clock;
    private final HistorySink sink;
    private final HttpClient http;
    private final AtomicLong nextKey = new AtomicLong();
    private final AtomicLong nextOp = new AtomicLong();
    private final AtomicLong nextProcess;
    private final List<String> acknowledged = new ArrayList<>();
    private final List<Thread> clients = new ArrayList<>();
    private volatile boolean running;

    public WorkloadClient(URI frontDoor, double rate, int concurrency, String keyPrefix, Duration opTimeout,
            RunClock clock, HistorySink sink) {
        this.frontDoor = frontDoor;
        this.rate = rate;
        this.concurrency = concurrency;
        this.keyPrefix = keyPrefix;
        this.opTimeout = opTimeout;
        this.clock = clock;
        this.sink = sink;
        this.nextProcess = new AtomicLong(concurrency);
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMillis(Math.min(1000, opTimeout.toMillis()))).build();
    }

    /** The prefix every key of this workload starts with: the final read keeps only these. */
    public String keyPrefix() {
        return keyPrefix;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        long periodNanos = (long) (1e9 * concurrency / rate);
        for (int c = 0; c < concurrency; c++) {
            long firstProcess = c;
            long offset = periodNanos * c / concurrency; // spread the clients over one period
            String client = "workload-" + c;
            Thread t = new Thread(() -> run(client, firstProcess, periodNanos, offset), client);
            t.setDaemon(true);
            clients.add(t);
            t.start();
        }
    }

    /** Stops invoking and waits for the operations in flight to complete (at most the operation timeout). */
    public void stop() throws InterruptedException {
        running = false;
        long deadline = System.nanoTime() + opTimeout.plusSeconds(2).toNanos();
        for (Thread t : clients) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    private void run(String client, long firstProcess, long periodNanos, long offset) {
        long process = firstProcess;
        long next = System.nanoTime() + offset;
        long count = 0;
        while (running) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
                continue;
            }
            next += periodNanos;
            if (next < System.nanoTime() - periodNanos) {
                next = System.nanoTime(); // behind after a slow answer: no burst to catch up
            }
            String readKey = ++count % READ_EVERY == 0 ? someAcknowledgedKey() : null;
            boolean indeterminate = readKey == null ? write(client, process) : read(client, process, readKey);
            if (indeterminate) {
                process = nextProcess.getAndIncrement();
            }
        }
    }

    /** Returns true when the outcome is indeterminate ({@code info}). */
    private boolean write(String client, long process) {
        String key = keyPrefix + "-" + nextKey.incrementAndGet();
        String opId = "op-" + nextOp.incrementAndGet();
        String value = "v-" + opId;
        sink.record(process, opId, HistorySink.Kind.INVOKE, "write", key, value, null, clock.now(), null);
        HttpRequest request = HttpRequest.newBuilder(frontDoor.resolve("/records/" + key)).timeout(opTimeout)
                .header(CLIENT_HEADER, client).PUT(HttpRequest.BodyPublishers.ofString(value)).build();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            String region = r.headers().firstValue("Firedrill-Region").orElse(null);
            int status = r.statusCode();
            if (status == 200 || status == 201) {
                sink.record(process, opId, HistorySink.Kind.OK, "write", key, value, region, clock.now(),
                        Integer.toString(status));
                remember(key);
                return false;
            }
            boolean gateway = status == 502 || status == 504;
            sink.record(process, opId, gateway ? HistorySink.Kind.INFO : HistorySink.Kind.FAIL, "write", key, value,
                    region, clock.now(), status + " " + abbreviate(r.body()));
            return gateway;
        } catch (ConnectException refused) {
            sink.record(process, opId, HistorySink.Kind.FAIL, "write", key, value, null, clock.now(),
                    "front door refused the connection");
            return false;
        } catch (HttpTimeoutException e) {
            sink.record(process, opId, HistorySink.Kind.INFO, "write", key, value, null, clock.now(),
                    "no answer within " + opTimeout.toMillis() + " ms");
            return true;
        } catch (IOException e) {
            sink.record(process, opId, HistorySink.Kind.INFO, "write", key, value, null, clock.now(), e.toString());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            sink.record(process, opId, HistorySink.Kind.INFO, "write", key, value, null, clock.now(), "interrupted");
            return true;
        }
    }

    /** Reads one key back; a read changes nothing, so a failed read is a {@code fail}, never {@code info}. */
    private boolean read(String client, long process, String key) {
        String opId = "op-" + nextOp.incrementAndGet();
        sink.record(process, opId, HistorySink.Kind.INVOKE, "read", key, null, null, clock.now(), null);
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(frontDoor.resolve("/records/" + key))
                    .timeout(opTimeout).header(CLIENT_HEADER, client).GET().build(), HttpResponse.BodyHandlers.ofString());
            String region = r.headers().firstValue("Firedrill-Region").orElse(null);
            if (r.statusCode() == 200) {
                String value = new io.vertx.core.json.JsonObject(r.body()).getString("value");
                sink.record(process, opId, HistorySink.Kind.OK, "read", key, value, region, clock.now(), "200");
            } else if (r.statusCode() == 404) {
                sink.record(process, opId, HistorySink.Kind.OK, "read", key, null, region, clock.now(), "404");
            } else {
                sink.record(process, opId, HistorySink.Kind.FAIL, "read", key, null, region, clock.now(),
                        r.statusCode() + " " + abbreviate(r.body()));
            }
        } catch (IOException | RuntimeException e) {
            sink.record(process, opId, HistorySink.Kind.FAIL, "read", key, null, null, clock.now(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            sink.record(process, opId, HistorySink.Kind.FAIL, "read", key, null, null, clock.now(), "interrupted");
        }
        return false;
    }

    private void remember(String key) {
        synchronized (acknowledged) {
            if (acknowledged.size() < REMEMBERED_KEYS) {
                acknowledged.add(key);
            } else {
                acknowledged.set(ThreadLocalRandom.current().nextInt(REMEMBERED_KEYS), key);
            }
        }
    }

    private String someAcknowledgedKey() {
        synchronized (acknowledged) {
            return acknowledged.isEmpty() ? null : acknowledged.get(ThreadLocalRandom.current().nextInt(acknowledged.size()));
        }
    }

    private static String abbreviate(String body) {
        String oneLine = body == null ? "" : body.replace('\n', ' ');
        return oneLine.length() > 200 ? oneLine.substring(0, 197) + "..." : oneLine;
    }
}
