package io.firedrill.agent.proxy;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/** One end of a TCP connection in a test, with blocking helpers that time out instead of hanging. */
final class Peer implements AutoCloseable {
    private static final int READ_TIMEOUT_MILLIS = 5_000;

    private final Socket socket;

    Peer(Socket socket) {
        this.socket = socket;
        try {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            socket.setTcpNoDelay(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Peer connect(String address) throws IOException {
        HostPort hp = HostPort.parse(address);
        return new Peer(new Socket(hp.host(), hp.port()));
    }

    void write(byte[] data) throws IOException {
        socket.getOutputStream().write(data);
    }

    void write(String text) throws IOException {
        write(text.getBytes(StandardCharsets.UTF_8));
    }

    byte[] read(int n) throws IOException {
        byte[] buf = new byte[n];
        new DataInputStream(socket.getInputStream()).readFully(buf);
        return buf;
    }

    String readString(int n) throws IOException {
        return new String(read(n), StandardCharsets.UTF_8);
    }

    /** Reads whatever arrives next (at least one byte), or null at end of stream. */
    byte[] readSome() throws IOException {
        byte[] buf = new byte[64 * 1024];
        int n = socket.getInputStream().read(buf);
        return n < 0 ? null : Arrays.copyOf(buf, n);
    }

    /** Reads everything until the peer closes. */
    byte[] readToEnd() throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] chunk;
        while ((chunk = readSome()) != null) {
            all.writeBytes(chunk);
        }
        return all.toByteArray();
    }

    /** True if the stream ends (cleanly) within {@code within}, with no data before the end. */
    boolean readsEof(Duration within) throws IOException {
        socket.setSoTimeout((int) within.toMillis());
        try {
            return socket.getInputStream().read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } finally {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        }
    }

    /** True if nothing at all arrives within {@code quiet} (neither data nor the end of the stream). */
    boolean staysSilent(Duration quiet) throws IOException {
        socket.setSoTimeout((int) quiet.toMillis());
        try {
            socket.getInputStream().read();
            return false;
        } catch (SocketTimeoutException e) {
            return true;
        } finally {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        }
    }

    /** Reads until the read fails and returns the failure; fails the test if the stream ends or times out. */
    IOException readFailure() {
        try {
            while (readSome() != null) {
                // Drain whatever came before the failure.
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("read timed out instead of failing", e);
        } catch (IOException e) {
            return e;
        }
        throw new AssertionError("the stream ended cleanly instead of failing");
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
