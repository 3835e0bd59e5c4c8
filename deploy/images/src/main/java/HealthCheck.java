import java.net.HttpURLConnection;
import java.net.URI;

/**
 * Container health check for images that have no shell and no curl: {@code java -cp /opt/healthcheck HealthCheck URL}
 * exits 0 when the URL answers HTTP 200 within the timeout, 1 otherwise (the status or error goes to stderr).
 * Default package and no dependencies, so it runs on any Java 21+ runtime as a single class file.
 */
public final class HealthCheck {
    private static final int TIMEOUT_MILLIS = Integer.getInteger("healthcheck.timeout.millis", 3000);

    private HealthCheck() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: java -cp /opt/healthcheck HealthCheck <url>");
            System.exit(2);
        }
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(args[0]).toURL().openConnection();
            connection.setConnectTimeout(TIMEOUT_MILLIS);
            connection.setReadTimeout(TIMEOUT_MILLIS);
            connection.setInstanceFollowRedirects(false);
            int status = connection.getResponseCode();
            if (status == 200) {
                System.exit(0);
            }
            System.err.println(args[0] + " answered HTTP " + status);
        } catch (Exception e) {
            System.err.println(args[0] + " unreachable: " + e);
        }
        System.exit(1);
    }
}
