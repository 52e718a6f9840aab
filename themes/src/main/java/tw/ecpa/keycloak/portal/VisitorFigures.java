package tw.ecpa.keycloak.portal;

import java.time.LocalDate;
import java.time.ZoneId;

/** What the page header shows: 線上人數 (online now), 今日人次 (today's logins), 累計人次 (all logins). */
record VisitorFigures(long onlineNow, long today, long total) {

    /** The portal serves Taiwan: its day turns at midnight in Taipei, whatever the server's zone. */
    static final ZoneId PORTAL_ZONE = ZoneId.of("Asia/Taipei");

    static LocalDate portalDay() {
        return LocalDate.now(PORTAL_ZONE);
    }
}
