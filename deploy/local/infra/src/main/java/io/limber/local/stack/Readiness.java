package io.limber.local.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Asks a service whether it is ready: {@code /q/health/ready} on its management port answers 200. One question, asked
 * the same way by the local stack, the benchmarks and the fault suite; a service that cannot be reached is not ready.
 */
public final class Readiness {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Readiness() {
    }

    /** The management port's URL, e.g. {@code http://127.0.0.1:9082}. */
    public static boolean isReady(URI management, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(management.resolve("/q/health/ready")).timeout(timeout).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public static boolean isReady(int managementPort, Duration timeout) {
        return isReady(URI.create("http://127.0.0.1:" + managementPort), timeout);
    }
}
