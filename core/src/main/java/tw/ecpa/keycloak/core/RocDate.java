package tw.ecpa.keycloak.core;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.chrono.MinguoChronology;
import java.time.chrono.MinguoDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.util.Optional;

/**
 * Dates in the ROC (民國) calendar, the one the guide's pages and forms use. Built on
 * {@link MinguoDate}, so no year arithmetic is written here.
 */
public final class RocDate {

    /** The page header's form: {@code 民國 115 年 11 月 27 日}. */
    private static final DateTimeFormatter DISPLAY = DateTimeFormatter
            .ofPattern("'民國' y '年' MM '月' dd '日'")
            .withChronology(MinguoChronology.INSTANCE);

    /** The compact form forms ask for: {@code 0690512} (year 69, May 12th), three-digit year. */
    private static final DateTimeFormatter COMPACT = DateTimeFormatter
            .ofPattern("uuuMMdd")
            .withChronology(MinguoChronology.INSTANCE);

    private RocDate() {
    }

    /** {@code 民國 115 年 11 月 27 日} for 2026-11-27. */
    public static String display(LocalDate date) {
        return DISPLAY.format(MinguoDate.from(date));
    }

    /** {@code 0690512} for 1980-05-12. Dates before the ROC era have no such form. */
    public static String compact(LocalDate date) {
        MinguoDate roc = MinguoDate.from(date);
        if (roc.get(ChronoField.YEAR) < 1) {
            throw new DateTimeException("no ROC year before 1912: " + date);
        }
        return COMPACT.format(roc);
    }

    /** Parses the compact seven-digit form strictly (no February 30th); empty on anything else. */
    public static Optional<LocalDate> parseCompact(String text) {
        if (text == null || text.length() != 7 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        int year = Integer.parseInt(text.substring(0, 3));
        int month = Integer.parseInt(text.substring(3, 5));
        int day = Integer.parseInt(text.substring(5, 7));
        if (year < 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.from(MinguoChronology.INSTANCE.date(year, month, day)));
        } catch (DateTimeException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code text} is a strict compact ROC date; see {@link #parseCompact(String)}. */
    public static boolean isCompact(String text) {
        return parseCompact(text).isPresent();
    }

}
