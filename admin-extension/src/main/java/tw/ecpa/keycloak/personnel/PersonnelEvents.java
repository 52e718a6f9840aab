package tw.ecpa.keycloak.personnel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;

import tw.ecpa.keycloak.core.EmailMask;
import tw.ecpa.keycloak.core.NationalId;
import tw.ecpa.keycloak.core.NationalIdMask;
import tw.ecpa.keycloak.model.PersonnelRecord;

/**
 * The admin events of the personnel office: who did it, how, to whom (masked national ID), for which
 * agency and why. Never a password, never an unmasked national ID.
 */
final class PersonnelEvents {

    static final String PASSWORD_RESET = "ECPA_PASSWORD_RESET";
    static final String OFFICER_GRANTS = "ECPA_OFFICER_GRANTS";
    static final String LOOKUP = "ECPA_PERSONNEL_LOOKUP";

    private final KeycloakSession session;
    private final AdminEventBuilder adminEvent;

    PersonnelEvents(KeycloakSession session, AdminEventBuilder adminEvent) {
        this.session = session;
        this.adminEvent = adminEvent;
    }

    /**
     * The reset, with the address the letter went to and, when the reset replaced it, the address before
     * ({@code previousEmail}), both masked: the trail shows that a letter went to a new mailbox without
     * the event holding anyone's address.
     */
    void passwordReset(Caller caller, UserModel person, String reason, Optional<String> replacedEmail) {
        Map<String, String> facts = facts(caller, person);
        facts.put("reason", reason == null ? "" : reason);
        facts.put("email", EmailMask.mask(person.getEmail()));
        facts.put("emailChanged", Boolean.toString(replacedEmail.isPresent()));
        replacedEmail.ifPresent(previous -> facts.put("previousEmail", previous.isEmpty() ? "" : EmailMask.mask(previous)));
        send(PASSWORD_RESET, OperationType.ACTION, List.of("users", person.getId(), "ecpa-password-reset"), facts);
    }

    void officerGrants(Caller caller, UserModel officer, boolean resetGranted, List<String> concurrentAgencies) {
        Map<String, String> facts = facts(caller, officer);
        facts.put("resetGranted", Boolean.toString(resetGranted));
        facts.put("concurrentAgencies", String.join(",", concurrentAgencies));
        send(OFFICER_GRANTS, OperationType.UPDATE, List.of("users", officer.getId(), "ecpa-officer-grants"), facts);
    }

    /**
     * A search or a reset request (step one), found or not: who looked up which ID (masked), how, why,
     * and with what outcome ({@code found} or the refusal's code), so that an officer trying IDs one after
     * another leaves a trail.
     */
    void lookup(Caller caller, String step, NationalId typed, String reason, String outcome) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("actor", caller.user().getUsername());
        facts.put("actorName", caller.displayName());
        facts.put("actorAgency", caller.agencyCode() == null ? "" : caller.agencyCode());
        facts.put("method", caller.method().map(ResetMethod::code).orElse(""));
        facts.put("step", step);
        facts.put("target", NationalIdMask.mask(typed.value()));
        facts.put("reason", reason == null ? "" : reason);
        facts.put("outcome", outcome);
        send(LOOKUP, OperationType.ACTION, List.of("ecpa-personnel", step), facts);
    }

    private static Map<String, String> facts(Caller caller, UserModel target) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("actor", caller.user().getUsername());
        facts.put("actorName", caller.displayName());
        facts.put("actorAgency", caller.agencyCode() == null ? "" : caller.agencyCode());
        facts.put("method", caller.method().map(ResetMethod::code).orElse(""));
        PersonnelRecord record = PersonnelRecord.of(target);
        facts.put("target", NationalIdMask.mask(record.nationalIdOnRecord()));
        facts.put("agency", record.agencyCode().orElse(""));
        return facts;
    }

    private void send(String resource, OperationType operation, List<String> path, Map<String, String> facts) {
        AdminEventBuilder event = adminEvent.clone(session)
                .resource(resource)
                .operation(operation)
                .resourcePath(path.toArray(String[]::new))
                .representation(facts);
        facts.forEach(event::detail);
        event.success();
    }
}
