package tw.ecpa.keycloak.dev.cardworld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tw.ecpa.keycloak.dev.card.VirtualCardReader;
import tw.ecpa.keycloak.dev.cardworld.http.ServiceFault;
import tw.ecpa.keycloak.dev.pki.DemoCard;
import tw.ecpa.keycloak.dev.pki.TestAuthority;

@ExtendWith(CardWorldExtension.class)
class CardWorldTest {

    @Nested
    class GivenTheLauncherThenItPrintsTheCards {

        @Test
        void everyCardWithPinAndMaskedIdButNeverAFullId(CardWorld world) {
            String table = world.cardTable();

            List<String> lines = table.lines().toList();
            assertThat(lines).hasSize(world.catalogue().all().size() + 2);
            assertThat(lines.get(0)).startsWith("Card").contains("Holder").contains("PIN");
            for (DemoCard card : world.catalogue().all()) {
                assertThat(table).contains(card.id()).contains(card.pin());
                card.nationalId().ifPresent(id -> assertThat(table).contains(id.masked()).doesNotContain(id.value()));
            }
        }

        @Test
        void columnsLineUpWithWideCharacters(CardWorld world) {
            List<String> lines = world.cardTable().lines().toList();
            int pinColumn = CardTable.displayWidth(lines.get(0).substring(0, lines.get(0).indexOf("PIN")));

            for (String line : lines.subList(2, lines.size())) {
                String pin = line.split("\\s{2,}")[3];
                int column = CardTable.displayWidth(line.substring(0, line.indexOf(pin)));
                assertThat(column).as(line).isEqualTo(pinColumn);
            }
        }
    }

    @Nested
    class GivenAConfigurationThenItIsChecked {

        @Test
        void developmentUsesTheFixedPorts() {
            CardWorldConfig config = CardWorldConfig.development(Path.of("target/dev-pki"));

            assertThat(config.readerPort()).isEqualTo(VirtualCardReader.DEFAULT_PORT).isEqualTo(61161);
            assertThat(config.revocationPort()).isEqualTo(8190);
            assertThat(config.holderCheckPort()).isEqualTo(8191);
            assertThat(config.allowedOrigins()).contains("http://localhost:8080", "http://127.0.0.1:8180");
        }

        @Test
        void originsAreNormalisedAndPathsRefused() {
            CardWorldConfig config = CardWorldConfig.builder().allowOrigin("HTTP://LocalHost:8443/").build();

            assertThat(config.allowedOrigins()).contains("http://localhost:8443");
            assertThatThrownBy(() -> CardWorldConfig.builder().allowOrigin("http://localhost:8080/realms"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> CardWorldConfig.builder().readerPort(70_000)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class GivenATestThatChangedEverythingThenResetRestoresIt {

        @Test
        void cardsRevocationsAndFaults(CardWorld world) {
            world.reader().remove();
            world.reader().lock("citizen-daming.wang");
            world.revocation().revoke("citizen-daming.wang");
            world.holderCheck().setFault(ServiceFault.down());
            world.revocation().setFault(ServiceFault.refuse());

            world.reset();

            assertThat(world.reader().insertedCardId()).contains("citizen-daming.wang");
            assertThat(world.reader().cardState("citizen-daming.wang").locked()).isFalse();
            assertThat(world.revocation().status("citizen-daming.wang").state().name()).isEqualTo("GOOD");
            assertThat(world.holderCheck().fault()).isEqualTo(ServiceFault.normal());
            assertThat(TestHttp.get(world.revocation().crlUrl(TestAuthority.ROOT)).statusCode()).isEqualTo(200);
        }
    }
}
