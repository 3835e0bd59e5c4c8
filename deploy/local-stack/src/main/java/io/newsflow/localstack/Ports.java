package io.newsflow.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Loopback port helpers for the local stack. */
public final class Ports {

    /**
     * Every port {@link #free} has handed out in this JVM. A port is chosen well before anything listens on it (a
     * pipeline picks six, then starts Kafka, whose controller asks for one more), and the system may offer a port that
     * is free again in between; handing it out twice made two processes race for it (store-service lost to the Kafka
     * controller in one CI run).
     */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();
    private static final int ATTEMPTS = 100;

    private Ports() {
    }

    /** A port that was free on 127.0.0.1 a moment ago and that this JVM has not handed out before. */
    public static int free() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = unbound();
            if (HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("No loopback port left that this JVM has not handed out already");
    }

    private static int unbound() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on loopback", e);
        }
    }

    /** True when something accepts connections on 127.0.0.1:port. */
    public static boolean inUse(int port) {
        try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The port stored in {@code file}, or a free one written there on first use. */
    static int remembered(Path file) {
        try {
            if (Files.exists(file)) {
                return Integer.parseInt(Files.readString(file).strip());
            }
            int port = free();
            Files.createDirectories(file.getParent());
            Files.writeString(file, Integer.toString(port));
            return port;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
