package tw.ecpa.keycloak.it;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import org.keycloak.testframework.mail.MailServer;

/**
 * The reset letters GreenMail received, read the way the person reads them. The notices of credential
 * changes ({@link CredentialNoticeIT}) are other mails: a test counting letters does not count them.
 */
final class ResetMails {

    /** The generated password as the letter shows it: a line of its own. */
    private static final Pattern PASSWORD_LINE = Pattern.compile("(?m)^([A-Z2-9]{8,})\\s*$");

    private ResetMails() {
    }

    /** A letter: its subject and plain-text body. */
    record Letter(String subject, String text, String html) {

        String password() {
            Matcher matcher = PASSWORD_LINE.matcher(text);
            if (!matcher.find()) {
                throw new AssertionError("no password line in the letter:\n" + text);
            }
            return RunSecrets.generatedPassword(matcher.group(1));
        }
    }

    /** A message of the ecpa e-mail theme (or of our providers) in a language ("en", "zh-Hant"), formatted as Keycloak does. */
    static String messageIn(String lang, String key, Object... params) {
        return ThemeMessages.messageIn("email", lang, key, params);
    }

    static List<Letter> to(MailServer mail, String address) {
        return to(received(mail), address);
    }

    /** The same over what another mail catcher received (the cluster test's own). */
    static List<Letter> to(List<MimeMessage> received, String address) {
        return allTo(received, address).stream().filter(letter -> !isNotice(letter)).toList();
    }

    /** The notices of credential changes to {@code address}, oldest first. */
    static List<Letter> noticesTo(MailServer mail, String address) {
        return allTo(received(mail), address).stream().filter(ResetMails::isNotice).toList();
    }

    private static List<MimeMessage> received(MailServer mail) {
        MimeMessage[] received = mail.getReceivedMessages();
        return Arrays.asList(received == null ? new MimeMessage[0] : received);
    }

    private static List<Letter> allTo(List<MimeMessage> received, String address) {
        return received.stream().filter(m -> isTo(m, address)).map(ResetMails::letter).toList();
    }

    /** The subject keys of the notices of credential changes, in the e-mail theme. */
    static final List<String> NOTICE_SUBJECTS = List.of("ecpa.mail.notice.card-bound.subject",
            "ecpa.mail.notice.card-removed.subject", "ecpa.mail.notice.password-changed.subject");

    private static boolean isNotice(Letter letter) {
        return NOTICE_SUBJECTS.stream().anyMatch(key -> messageIn("zh-Hant", key).equals(letter.subject())
                || messageIn("en", key).equals(letter.subject()));
    }

    static Letter onlyTo(MailServer mail, String address) {
        List<Letter> letters = to(mail, address);
        if (letters.size() != 1) {
            throw new AssertionError("expected one letter to " + address + ", found " + letters.size());
        }
        return letters.get(0);
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().contains(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Letter letter(MimeMessage message) {
        try {
            String text = null;
            String html = null;
            Object content = message.getContent();
            if (content instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart part = multipart.getBodyPart(i);
                    if (part.isMimeType("text/plain")) {
                        text = String.valueOf(part.getContent());
                    } else if (part.isMimeType("text/html")) {
                        html = String.valueOf(part.getContent());
                    } else if (part.getContent() instanceof Multipart inner) {
                        for (int j = 0; j < inner.getCount(); j++) {
                            BodyPart p = inner.getBodyPart(j);
                            if (p.isMimeType("text/plain")) {
                                text = String.valueOf(p.getContent());
                            } else if (p.isMimeType("text/html")) {
                                html = String.valueOf(p.getContent());
                            }
                        }
                    }
                }
            } else {
                text = String.valueOf(content);
            }
            return new Letter(message.getSubject(), text == null ? "" : text.replace("\r\n", "\n"), html == null ? "" : html);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
