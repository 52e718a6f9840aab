package tw.ecpa.keycloak.dev.mail;

import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** The mail catcher's two pages, inbox and message; everything taken from a mail is escaped. */
final class MailPages {

    /** {@code /mail/3} shows mail 3; {@code /mail/3/html} is its HTML body for the sandboxed frame. */
    record Route(int index, boolean htmlBody) {
    }

    private static final String STYLE = "<style>body{font-family:sans-serif;margin:2em;max-width:60em}"
            + "table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ccc;padding:.4em;text-align:left}"
            + "pre{white-space:pre-wrap;background:#f6f6f6;padding:1em}iframe{width:100%;height:30em;border:1px solid #ccc}</style>";

    private MailPages() {
    }

    static Route route(String path, int count) {
        String[] parts = path.split("/");
        if (parts.length < 3 || parts.length > 4 || !parts[1].equals("mail") || !parts[2].matches("\\d{1,6}")) {
            return null;
        }
        int index = Integer.parseInt(parts[2]);
        if (index >= count || (parts.length == 4 && !parts[3].equals("html"))) {
            return null;
        }
        return new Route(index, parts.length == 4);
    }

    static String inbox(List<MimeMessage> messages) {
        StringBuilder page = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta http-equiv=\"refresh\" content=\"5\"><title>ECPA dev mail</title>" + STYLE + "</head><body>"
                + "<h1>Mail sent by the dev Keycloak</h1><p>" + messages.size() + " message(s), newest first; the page refreshes every 5 s.</p>"
                + "<table><thead><tr><th scope=\"col\">#</th><th scope=\"col\">To</th><th scope=\"col\">Subject</th><th scope=\"col\">Sent</th></tr></thead><tbody>");
        for (int i = messages.size() - 1; i >= 0; i--) {
            MimeMessage m = messages.get(i);
            page.append("<tr><td><a href=\"/mail/").append(i).append("\">").append(i).append("</a></td><td>")
                    .append(escape(recipients(m))).append("</td><td><a href=\"/mail/").append(i).append("\">")
                    .append(escape(subject(m))).append("</a></td><td>").append(escape(sent(m))).append("</td></tr>");
        }
        return page.append("</tbody></table></body></html>").toString();
    }

    static String message(int index, MimeMessage m) {
        MailContent content = MailContent.of(m);
        StringBuilder page = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(subject(m))).append("</title>").append(STYLE).append("</head><body><p><a href=\"/\">All mail</a></p>")
                .append("<h1>").append(escape(subject(m))).append("</h1><p>To: ").append(escape(recipients(m)))
                .append("<br>Sent: ").append(escape(sent(m))).append("</p>");
        content.text().ifPresent(text -> page.append("<h2>Text</h2><pre>").append(escape(text)).append("</pre>"));
        if (content.html().isPresent()) {
            page.append("<h2>HTML</h2><iframe sandbox title=\"HTML body\" src=\"/mail/").append(index).append("/html\"></iframe>");
        }
        return page.append("</body></html>").toString();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject() == null ? "(no subject)" : m.getSubject();
        } catch (MessagingException e) {
            return "(unreadable subject)";
        }
    }

    private static String recipients(MimeMessage m) {
        try {
            Address[] to = m.getAllRecipients();
            return to == null ? "" : String.join(", ", java.util.Arrays.stream(to).map(Address::toString).toList());
        } catch (MessagingException e) {
            return "(unreadable recipients)";
        }
    }

    private static String sent(MimeMessage m) {
        try {
            return m.getSentDate() == null ? "" : m.getSentDate().toInstant().toString();
        } catch (MessagingException e) {
            return "";
        }
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
