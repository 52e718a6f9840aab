package tw.ecpa.keycloak.dev.cardworld;

import java.util.ArrayList;
import java.util.List;

import tw.ecpa.keycloak.dev.pki.CardKind;
import tw.ecpa.keycloak.dev.pki.DemoCard;

/**
 * The catalogue as a text table for a terminal: card id, holder, masked ID, PIN, kind, variant, note.
 * Chinese characters take two columns in a terminal, so widths count them twice.
 */
final class CardTable {

    private static final List<String> HEADER = List.of("Card", "Holder", "ID", "PIN", "Kind", "Variant", "Note");

    private CardTable() {
    }

    static String render(List<DemoCard> cards) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (DemoCard card : cards) {
            rows.add(List.of(card.id(), card.holderName(),
                    card.kind() == CardKind.CITIZEN ? card.maskedNationalId() : card.agencyCode().orElse("-"),
                    card.pin(), card.kind().name(), card.variant().name(), card.note()));
        }
        int[] widths = new int[HEADER.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], displayWidth(row.get(i)));
            }
        }
        StringBuilder table = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            appendRow(table, rows.get(r), widths);
            if (r == 0) {
                List<String> rule = new ArrayList<>();
                for (int width : widths) {
                    rule.add("-".repeat(width));
                }
                appendRow(table, rule, widths);
            }
        }
        return table.toString();
    }

    private static void appendRow(StringBuilder table, List<String> row, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < row.size(); i++) {
            String value = row.get(i);
            line.append(value);
            if (i < row.size() - 1) {
                line.append(" ".repeat(widths[i] - displayWidth(value) + 2));
            }
        }
        table.append(line.toString().stripTrailing()).append('\n');
    }

    /** Terminal columns: East Asian wide characters count as two. */
    static int displayWidth(String text) {
        return text.codePoints().map(cp -> isWide(cp) ? 2 : 1).sum();
    }

    private static boolean isWide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    }
}
