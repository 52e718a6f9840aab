package tw.ecpa.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/**
 * Several newcomers, each with the personal-data page open in their own login, claim the same
 * custom account at the same moment: the database's unique username decides, exactly one wins and
 * the others are told it is taken.
 */
@KeycloakIntegrationTest(config = EcpaServerConfig.class)
class CustomAccountRaceIT extends EcpaIntegrationTest {

    private static final int CLAIMANTS = 6;
    private static final String PASSWORD = "Race-it-9x";

    @InjectWebDriver
    ManagedWebDriver browser;

    private TestPeople people;
    private EcpaPages pages;

    @BeforeEach
    void freshBrowserAndPeople() {
        people = new TestPeople(realm.admin());
        pages = new EcpaPages(browser.driver(), realm.getBaseUrl());
    }

    @AfterEach
    void removeThePeople() {
        people.close();
    }

    /** An open personal-data page: where its form posts and the cookies of its login. */
    record OpenPage(TestPeople.Person person, String action, String cookies) {
    }

    @Test
    void exactlyOneOfManySimultaneousClaimsWins() throws Exception {
        List<OpenPage> open = new ArrayList<>();
        for (int i = 0; i < CLAIMANTS; i++) {
            TestPeople.Person person = people.newcomer();
            person.givePassword(PASSWORD);
            pages.forgetSession();
            pages.openAccountConsole();
            pages.logIn(person.nationalId(), PASSWORD);
            pages.waitFor(EcpaPages.PERSONAL_DATA);
            String action = browser.driver().findElement(EcpaPages.PERSONAL_DATA).getAttribute("action");
            // Keycloak's cookies are Secure: a non-browser client drops them on plain http, so they go by hand.
            String cookies = browser.driver().manage().getCookies().stream()
                    .map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "));
            open.add(new OpenPage(person, action, cookies));
        }
        pages.forgetSession();
        String account = TestPeople.freshAccount("it.race.");

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService pool = Executors.newFixedThreadPool(CLAIMANTS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < CLAIMANTS; i++) {
                OpenPage page = open.get(i);
                String body = "username=" + account + "&email=" + URLEncoder.encode("claimant" + i + "@it.ecpa.test", StandardCharsets.UTF_8)
                        + "&phoneNumber=0912345678&egovMessages=yes";
                HttpRequest request = HttpRequest.newBuilder(URI.create(page.action()))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", page.cookies())
                        .header("Accept-Language", "en")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build();
                answers.add(pool.submit(() -> {
                    start.await();
                    return http.send(request, HttpResponse.BodyHandlers.ofString());
                }));
            }
            start.countDown();
            List<Integer> winners = new ArrayList<>();
            List<String> losers = new ArrayList<>();
            for (int i = 0; i < CLAIMANTS; i++) {
                HttpResponse<String> answer = answers.get(i).get();
                boolean stillAtThePage = answer.body().contains("ecpa-personal-data-form");
                if (answer.statusCode() == 302 || (answer.statusCode() == 200 && !stillAtThePage)) {
                    winners.add(i);
                } else {
                    losers.add(answer.statusCode() + ":" + (answer.body().contains(EcpaPages.messageIn("en", "ecpa.customAccount.taken")) ? "taken"
                            : answer.headers().firstValue("Location").orElse("") + answer.body().replaceAll("(?s)<head>.*</head>", "").replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ")));
                }
            }

            assertThat(winners).as("claims that succeeded; the others answered %s", losers).hasSize(1);
            assertThat(losers).hasSize(CLAIMANTS - 1).allMatch(l -> l.equals("200:taken"), "told the account is taken");
            List<UserRepresentation> holders = realm.admin().users().searchByUsername(account, true);
            assertThat(holders).hasSize(1);
            assertThat(holders.get(0).getId()).isEqualTo(open.get(winners.get(0)).person().id());
            for (int i = 0; i < CLAIMANTS; i++) {
                if (i != winners.get(0)) {
                    UserRepresentation loser = open.get(i).person().admin().toRepresentation();
                    assertThat(loser.getUsername()).startsWith("ecpa-");
                    assertThat(loser.getEmail()).as("nothing of a loser is saved").isNull();
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
