package tw.ecpa.keycloak.authenticators.notices;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class NoticeMailTest {

    private static final Instant CHANGED = Instant.parse("2026-12-08T01:05:00Z");
    private static final Instant VALID_UNTIL = Instant.parse("2031-03-31T15:59:59Z");
    private static final Path EMAIL_THEME = Path.of("../themes/src/main/resources/theme/ecpa/email");

    @Test
    void holdsWhatChangedAndWhenInTaiwanTimeAndNothingElse() {
        NoticeMail mail = NoticeMail.of(CredentialNotice.PASSWORD_CHANGED, CHANGED, Locale.forLanguageTag("zh-Hant"), Optional.of(VALID_UNTIL));
        assertThat(mail.attributes()).containsOnlyKeys(NoticeMail.CHANGE, NoticeMail.CHANGED_AT);
        assertThat(mail.attributes().get(NoticeMail.CHANGE)).isEqualTo("ecpa.mail.notice.password-changed.change");
        assertThat(mail.attributes().get(NoticeMail.CHANGED_AT)).isEqualTo("民國 115 年 12 月 08 日 09:05");
    }

    @Test
    void aBoundCardIsDescribedByTheLastDayItIsValidOnly() {
        NoticeMail chinese = NoticeMail.of(CredentialNotice.CARD_BOUND, CHANGED, Locale.forLanguageTag("zh-Hant"), Optional.of(VALID_UNTIL));
        assertThat(chinese.attributes()).containsOnlyKeys(NoticeMail.CHANGE, NoticeMail.CHANGED_AT, NoticeMail.CARD_VALID_UNTIL);
        assertThat(chinese.attributes().get(NoticeMail.CARD_VALID_UNTIL)).isEqualTo("民國 120 年 03 月 31 日");
        NoticeMail english = NoticeMail.of(CredentialNotice.CARD_BOUND, CHANGED, Locale.ENGLISH, Optional.of(VALID_UNTIL));
        assertThat(english.attributes().get(NoticeMail.CARD_VALID_UNTIL)).isEqualTo("31 March 2031");
        assertThat(english.attributes().get(NoticeMail.CHANGED_AT)).isEqualTo("8 December 2026, 09:05 (Taipei time)");
    }

    @Test
    void aRemovedCardIsNotDescribed() {
        NoticeMail mail = NoticeMail.of(CredentialNotice.CARD_REMOVED, CHANGED, Locale.ENGLISH, Optional.of(VALID_UNTIL));
        assertThat(mail.attributes()).doesNotContainKey(NoticeMail.CARD_VALID_UNTIL);
    }

    @Test
    void everyNoticeHasItsSubjectAndSentenceAndTheHelpDeskInBothLanguages() throws IOException {
        for (String language : new String[] {"en", "zh_Hant"}) {
            Properties messages = messages(language);
            messages.putAll(providerMessages("en".equals(language) ? "messages_en" : "messages_zh__#Hant"));
            for (CredentialNotice notice : CredentialNotice.values()) {
                assertThat(messages.getProperty(notice.subjectKey())).as(language + " " + notice).isNotBlank();
                assertThat(messages.getProperty(notice.changeKey())).as(language + " " + notice).contains("{0}");
            }
            assertThat(messages.getProperty("ecpa.mail.notice.notYou")).as(language).contains("049-2359108");
        }
    }

    @Test
    void theTemplatesSayTheHelpDeskLineAndUseOnlyTheMailsAttributes() throws IOException {
        for (String kind : new String[] {"html", "text"}) {
            String template = Files.readString(EMAIL_THEME.resolve(kind).resolve(CredentialNotice.TEMPLATE), StandardCharsets.UTF_8);
            assertThat(template).contains("ecpa.mail.notice.notYou").contains(NoticeMail.CHANGE).contains(NoticeMail.CHANGED_AT);
            assertThat(Arrays.asList("password", "pin", "link", "url", "serial", "issuer"))
                    .allSatisfy(word -> assertThat(template.toLowerCase(Locale.ROOT)).doesNotContain(word));
        }
    }

    /** Keys the Java code names live with the providers' messages, which every theme has. */
    private static Properties providerMessages(String bundle) throws IOException {
        Properties messages = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("../themes/src/main/resources/theme-resources/messages/" + bundle + ".properties"))) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return messages;
    }

    private static Properties messages(String language) throws IOException {
        Properties messages = new Properties();
        try (InputStream in = Files.newInputStream(EMAIL_THEME.resolve("messages/messages_" + language + ".properties"))) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return messages;
    }
}
