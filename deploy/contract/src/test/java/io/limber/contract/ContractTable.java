package io.limber.contract;

import java.util.Comparator;
import java.util.List;

/** The contract table in Markdown: example × form × consumer × effect × ok/FAILED (with what was seen). */
final class ContractTable {

    private static final int SEEN_MAX = 400;

    private ContractTable() {
    }

    static String render(List<Row> rows) {
        StringBuilder table = new StringBuilder();
        table.append("| example | form | consumer | effect | result |\n");
        table.append("|---|---|---|---|---|\n");
        for (Row row : sorted(rows)) {
            table.append("| ").append(cell(row.example)).append(" | ").append(cell(row.form)).append(" | ")
                    .append(cell(row.consumer)).append(" | ").append(cell(row.effect)).append(" | ")
                    .append(row.ok() ? "ok" : "FAILED: " + cell(brief(row.verdict().seen()))).append(" |\n");
        }
        return table.toString();
    }

    /** One line per failing row, for the test's failure message. */
    static String failures(List<Row> rows) {
        StringBuilder out = new StringBuilder();
        for (Row row : sorted(rows)) {
            if (!row.ok()) {
                out.append("- ").append(row.example).append(" × ").append(row.form).append(" × ").append(row.consumer)
                        .append(": ").append(row.effect).append(" — seen: ").append(brief(row.verdict().seen()))
                        .append('\n');
            }
        }
        return out.toString();
    }

    private static List<Row> sorted(List<Row> rows) {
        return rows.stream().sorted(Comparator.comparing((Row r) -> r.example).thenComparing(r -> formOrder(r.form))
                .thenComparing(r -> r.consumer)).toList();
    }

    private static int formOrder(String label) {
        for (Form form : Form.values()) {
            if (form.label.equals(label)) {
                return form.ordinal();
            }
        }
        return Form.values().length;
    }

    private static String brief(String seen) {
        String oneLine = seen == null ? "" : seen.replaceAll("\\s+", " ");
        return oneLine.length() > SEEN_MAX ? oneLine.substring(0, SEEN_MAX) + "…" : oneLine;
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
