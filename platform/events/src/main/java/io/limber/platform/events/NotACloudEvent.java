package io.limber.platform.events;

/**
 * A message that is not a CloudEvent Limber can read. It names the field ({@code $} for the whole message,
 * {@code $.time}, ...) and the reason, for a 400 answer or a dead letter's reason, and never quotes the input (it
 * may hold a person's id or a note). In a batch, {@link #index()} is the event's position.
 */
public class NotACloudEvent extends IllegalArgumentException {

    private final int index;
    private final String field;
    private final String reason;

    public NotACloudEvent(String field, String reason) {
        this(0, field, reason);
    }

    public NotACloudEvent(int index, String field, String reason) {
        super(field + ": " + reason);
        this.index = index;
        this.field = field;
        this.reason = reason;
    }

    public int index() {
        return index;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }

    /** The same refusal for the event at {@code index} of a batch. */
    public NotACloudEvent at(int index) {
        return new NotACloudEvent(index, field, reason);
    }
}
