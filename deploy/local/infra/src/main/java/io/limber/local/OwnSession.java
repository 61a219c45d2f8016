package io.limber.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a child process in a session of its own ({@code setsid}), so that Ctrl-C in a terminal, which signals the whole
 * foreground process group, reaches only the local stack: the stack then stops its children in order (services first,
 * then Kafka and PostgreSQL) instead of all of them getting SIGINT at once. {@code setsid} only calls setsid(2) and
 * execs the command, so the child keeps the pid {@link Process#destroy()} signals.
 */
public final class OwnSession {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private OwnSession() {
    }

    /** The command, prefixed with {@code setsid} where the machine has it (util-linux; every Linux has it). */
    public static List<String> command(List<String> command) {
        if (!Files.isExecutable(SETSID)) {
            return command;
        }
        List<String> own = new ArrayList<>(command.size() + 1);
        own.add(SETSID.toString());
        own.addAll(command);
        return own;
    }
}
