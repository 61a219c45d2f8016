package io.limber.local.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** One read of a service's {@code /q/metrics}: sample values by name and labels, as Prometheus text gives them. */
final class MetricsScrape {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Map<String, Double> samples;

    private MetricsScrape(Map<String, Double> samples) {
        this.samples = samples;
    }

    static MetricsScrape of(URI service) {
        HttpRequest request = HttpRequest.newBuilder(service.resolve("/q/metrics")).timeout(Duration.ofSeconds(3)).build();
        try {
            return parse(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            return new MetricsScrape(Map.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new MetricsScrape(Map.of());
        }
    }

    static MetricsScrape parse(String text) {
        Map<String, Double> samples = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            try {
                samples.put(line.substring(0, space).trim(), Double.parseDouble(line.substring(space + 1)));
            } catch (NumberFormatException | StringIndexOutOfBoundsException ignored) {
                // not a sample line
            }
        }
        return new MetricsScrape(samples);
    }

    /** The sum of every sample of {@code name} whose labels contain all of {@code labelParts}. */
    double sum(String name, String... labelParts) {
        double total = 0;
        for (Map.Entry<String, Double> sample : samples.entrySet()) {
            String key = sample.getKey();
            if (!(key.equals(name) || key.startsWith(name + "{"))) {
                continue;
            }
            boolean all = true;
            for (String part : labelParts) {
                all &= key.contains(part);
            }
            if (all) {
                total += sample.getValue();
            }
        }
        return total;
    }

    /** Every label value of {@code label} on samples of {@code name}, with the sum of their samples. */
    Map<String, Double> byLabel(String name, String label) {
        Map<String, Double> values = new LinkedHashMap<>();
        String marker = label + "=\"";
        for (Map.Entry<String, Double> sample : samples.entrySet()) {
            String key = sample.getKey();
            int at = key.indexOf(marker);
            if (key.startsWith(name + "{") && at >= 0) {
                String value = key.substring(at + marker.length(), key.indexOf('"', at + marker.length()));
                values.merge(value, sample.getValue(), Double::sum);
            }
        }
        return values;
    }
}
