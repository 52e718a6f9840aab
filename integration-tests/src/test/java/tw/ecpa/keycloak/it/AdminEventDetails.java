package tw.ecpa.keycloak.it;

import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.keycloak.representations.idm.AdminEventRepresentation;

/**
 * The details of an admin event as JSON text ({@code {"actor":"...","method":"officer",...}}). The realm
 * template stores no representation with admin events (it would keep a user's national ID and birth date),
 * so the personnel office's events say what happened in their details.
 */
final class AdminEventDetails {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AdminEventDetails() {
    }

    static String json(AdminEventRepresentation event) {
        Map<String, String> details = event.getDetails() == null ? Map.of() : new TreeMap<>(event.getDetails());
        try {
            return JSON.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
