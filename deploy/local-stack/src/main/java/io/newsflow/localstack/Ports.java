package io.newsflow.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loopback port helpers for the local stack. */
public final class Ports {

    private Ports() {
    }

    /** A port that was free on 127.0.0.1 a moment ago. */
    public static int free() {
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
