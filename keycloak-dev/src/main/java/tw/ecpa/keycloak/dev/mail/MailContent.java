package tw.ecpa.keycloak.dev.mail;

import java.io.IOException;
import java.util.Optional;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

/** The text and HTML bodies of a mail, wherever they sit in its MIME tree. */
public record MailContent(Optional<String> text, Optional<String> html) {

    public static MailContent of(Part message) {
        try {
            return new MailContent(find(message, "text/plain"), find(message, "text/html"));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("unreadable mail", e);
        }
    }

    private static Optional<String> find(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            return Optional.of(part.getContent().toString());
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                Optional<String> found = find(child, type);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }
}
