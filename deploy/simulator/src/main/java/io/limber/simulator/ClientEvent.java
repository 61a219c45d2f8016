package io.limber.simulator;

import java.time.Instant;

/**
 * One CloudEvent a simulated app will send: when it happened, when the app gets round to sending it,
 * and the structured-mode JSON.
 */
public record ClientEvent(String userId, String eventId, String type, Instant eventTime, Instant sendAt,
                          Persona.Channel channel, String json) implements Comparable<ClientEvent> {

    public ClientEvent sentAt(Instant when) {
        return new ClientEvent(userId, eventId, type, eventTime, when, channel, json);
    }

    /** By send time, then event time, then id: a total order, so a run is repeatable. */
    @Override
    public int compareTo(ClientEvent other) {
        int bySend = sendAt.compareTo(other.sendAt);
        if (bySend != 0) {
            return bySend;
        }
        int byTime = eventTime.compareTo(other.eventTime);
        return byTime != 0 ? byTime : eventId.compareTo(other.eventId);
    }
}
