package io.limber.contract;

/**
 * One line of the contract table: what one consumer must do with one example sent in one form, and what was seen.
 * A row stays pending until its probe says ok or failed for good; rows still pending at the deadline fail.
 */
final class Row {

    /** Looks at the system once; never waits. */
    @FunctionalInterface
    interface Probe {
        Verdict look(Observations seen);
    }

    enum State {
        OK, FAILED, PENDING
    }

    /** What a probe concluded, with what it saw (for the table when it is not ok). */
    record Verdict(State state, String seen) {
        static Verdict ok() {
            return new Verdict(State.OK, "");
        }

        static Verdict failed(String seen) {
            return new Verdict(State.FAILED, seen);
        }

        static Verdict pending(String seen) {
            return new Verdict(State.PENDING, seen);
        }

        /** Ok when the condition holds, else still pending with what was seen. */
        static Verdict when(boolean condition, String seen) {
            return condition ? ok() : pending(seen);
        }
    }

    final String example;
    final String form;
    final String consumer;
    final String effect;
    private final Probe probe;
    private Verdict verdict = Verdict.pending("not looked at yet");

    Row(String example, String form, String consumer, String effect, Probe probe) {
        this.example = example;
        this.form = form;
        this.consumer = consumer;
        this.effect = effect;
        this.probe = probe;
    }

    boolean pending() {
        return verdict.state() == State.PENDING;
    }

    boolean ok() {
        return verdict.state() == State.OK;
    }

    Verdict verdict() {
        return verdict;
    }

    /** Looks again unless the row is decided; a probe that throws is a failure of the system, not of the suite. */
    void look(Observations seen) {
        if (!pending()) {
            return;
        }
        try {
            verdict = probe.look(seen);
        } catch (RuntimeException e) {
            verdict = Verdict.pending(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** At the deadline: whatever is still pending failed. */
    void giveUp() {
        if (pending()) {
            verdict = Verdict.failed(verdict.seen());
        }
    }

    /** Decided before anything was sent (e.g. the setup or the request itself failed). */
    void decide(Verdict decided) {
        verdict = decided;
    }
}
