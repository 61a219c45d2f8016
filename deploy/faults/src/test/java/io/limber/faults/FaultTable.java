package io.limber.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The faults the system went through: what was checked afterwards, the result, how long recovery took (to every
 * service ready again) and how long the whole scenario took.
 */
final class FaultTable {

    record Row(String fault, String checked, String result, String recovery, String took) {
    }

    private final List<Row> rows = new ArrayList<>();

    synchronized void survived(String fault, String checked, Duration recovery, Duration took) {
        rows.add(new Row(fault, checked, "survived", recovery == null ? "-" : seconds(recovery), seconds(took)));
    }

    synchronized void failed(String fault, Throwable why, Duration took) {
        String reason = String.valueOf(why.getMessage()).lines().map(String::strip).filter(l -> !l.isEmpty())
                .limit(3).reduce((a, b) -> a + " " + b).orElse("");
        rows.add(new Row(fault, "-", "FAILED: " + (reason.length() > 300 ? reason.substring(0, 300) + " ..." : reason),
                "-", seconds(took)));
    }

    synchronized String render() {
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"fault", "checked afterwards", "result", "recovery", "took"});
        rows.forEach(r -> cells.add(new String[] {r.fault(), r.checked(), r.result(), r.recovery(), r.took()}));
        int[] width = new int[5];
        for (String[] row : cells) {
            for (int i = 0; i < 5; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder("\nFaults survived\n\n");
        for (int r = 0; r < cells.size(); r++) {
            String[] row = cells.get(r);
            out.append(String.format("| %-" + width[0] + "s | %-" + width[1] + "s | %-" + width[2] + "s | %"
                    + width[3] + "s | %" + width[4] + "s |%n", (Object[]) row));
            if (r == 0) {
                for (int w : width) {
                    out.append("|-").append("-".repeat(w)).append('-');
                }
                out.append("|\n");
            }
        }
        return out.toString();
    }

    static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }
}
