package io.limber.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;

/** Creates a person's plan through routine-service's REST API, as a clinician's app would. */
public final class PlanClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI routineService;
    private final Credentials credentials;

    public PlanClient(URI routineService, Credentials credentials) {
        this.routineService = routineService;
        this.credentials = credentials;
    }

    /** Every evening, the built-in stretches, from {@code startDate}. */
    public void createDailyStretches(Person person, LocalDate startDate) {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("routines").addObject().put("routineId", SessionScript.ROUTINE);
        var days = body.putObject("schedule").putArray("daysOfWeek");
        for (DayOfWeek day : DayOfWeek.values()) {
            days.add(day.name());
        }
        body.put("localTime", person.eveningTime().toString())
                .put("timeZone", person.zone().getId())
                .put("startDate", startDate.toString());
        body.putObject("quietHours").put("start", "22:00").put("end", "07:00");
        HttpRequest request = HttpRequest.newBuilder(routineService.resolve("/users/" + person.userId() + "/plan"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", credentials.clinician())
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("routine-service refused the plan of person " + person.index() + ": "
                        + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("routine-service unreachable at " + routineService, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
