package io.limber.reminder.messaging;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;

/**
 * The reason a record that is not JSON is dead-lettered: where the text stops being JSON, never what it says there.
 * Jackson's own message quotes up to 256 characters of the input, and the reason reaches the dead-letter header and
 * the logs, where a user id or a note from a malformed event must not appear.
 */
public final class NotJson extends IllegalArgumentException {

    public NotJson(IOException cause) {
        super(describe(cause));
    }

    static String describe(IOException cause) {
        JsonLocation at = cause instanceof JsonProcessingException json ? json.getLocation() : null;
        return at == null ? "not valid JSON"
                : "not valid JSON at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }
}
