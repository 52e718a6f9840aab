package tw.ecpa.keycloak.personnel;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;

import tw.ecpa.keycloak.core.NationalId;
import tw.ecpa.keycloak.personnel.PendingResets.PendingReset;
import tw.ecpa.keycloak.model.Agencies;
import tw.ecpa.keycloak.model.EcpaMetrics;
import tw.ecpa.keycloak.model.PersonnelRecord;

/**
 * {@code /admin/realms/{realm}/ecpa-personnel}: the guide's 【權限與兼辦管理】 as a JSON API. Keycloak's
 * admin authentication has already accepted a bearer token of this realm; who may do what is decided
 * here, per request, by {@link Caller}. Every write is an admin event.
 */
@Produces(MediaType.APPLICATION_JSON)
public class PersonnelResource {

    /** {@code {"nationalId": "S223456660", "reason": "ticket 4711"}}; the reason only for the help desk. */
    public record SearchRequest(String nationalId, String reason) {
    }

    /** {@code {"nationalId": ..., "email": ..., "reason": ...}}: e-mail mandatory. */
    public record ResetRequest(String nationalId, String email, String reason) {
    }

    /** {@code {"resetGranted": true, "concurrentAgencies": ["X10021000A"]}}. */
    public record GrantsRequest(Boolean resetGranted, List<String> concurrentAgencies) {
    }

    /** More concurrent agencies than any agency has below it, or a longer code, is not a request a console sends. */
    private static final int MAX_CONCURRENT_AGENCIES = 100;
    private static final int MAX_AGENCY_CODE_LENGTH = 20;
    /** The two lookups, as their admin events name them. */
    private static final String SEARCH_STEP = "search";
    private static final String RESET_REQUEST_STEP = "reset-request";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final Caller caller;
    private final PersonnelSettings settings;
    private final Agencies agencies;
    private final PersonnelDirectory directory;
    private final PersonnelEvents events;
    private final ResetTargetRule targets;

    PersonnelResource(KeycloakSession session, RealmModel realm, Caller caller,
                      AdminEventBuilder adminEvent, PersonnelSettings settings) {
        this.session = session;
        this.realm = realm;
        this.caller = caller;
        this.settings = settings;
        this.agencies = new Agencies(session, realm);
        this.directory = new PersonnelDirectory(session, realm);
        this.events = new PersonnelEvents(session, adminEvent);
        this.targets = new ResetTargetRule(realm, settings.protectedRoles());
    }

    /** What the console needs to know about the signed-in caller: name, agency, method, scope. */
    @GET
    @Path("me")
    public Response me() {
        return answer(() -> {
            Map<String, Object> me = new LinkedHashMap<>();
            me.put("name", caller.displayName());
            me.put("agencyCode", caller.agencyCode());
            me.put("agencyName", caller.agencyCode() == null ? null : agencies.nameOf(caller.agencyCode(), locale()));
            me.put("method", caller.method().map(ResetMethod::code).orElse(null));
            me.put("canReset", caller.method().isPresent() && !caller.certificateLevelMissing());
            me.put("certificateLevelRequired", caller.certificateLevelMissing());
            me.put("canManageOfficers", caller.isChief());
            me.put("reasonRequired", caller.method().filter(m -> m == ResetMethod.HELP_DESK).isPresent());
            me.put("wholeRealm", caller.scope().isWholeRealm());
            me.put("agencies", caller.scope().agencyCodes());
            return Response.ok(me).build();
        });
    }

    @POST
    @Path("search")
    public Response search(@Context HttpHeaders headers, InputStream json) {
        return answer(() -> {
            ResetMethod method = caller.requireMethod();
            SearchRequest request = RequestBody.read(headers, json, SearchRequest.class);
            NationalId nationalId = PersonnelDirectory.parse(request.nationalId());
            String reason = requireReason(method, request.reason());
            UserModel person = lookUp(SEARCH_STEP, method, nationalId, reason);
            return Response.ok(PersonView.of(person, agencies, locale())).build();
        });
    }

    /** Step one of a reset: checks everything and answers with what 確定 will do, changing nothing. */
    @POST
    @Path("resets")
    public Response createReset(@Context HttpHeaders headers, InputStream json) {
        return answer(() -> {
            ResetMethod method = caller.requireMethod();
            ResetRequest request = RequestBody.read(headers, json, ResetRequest.class);
            NationalId nationalId = PersonnelDirectory.parse(request.nationalId());
            String reason = requireReason(method, request.reason());
            UserModel person = lookUp(RESET_REQUEST_STEP, method, nationalId, reason);
            if (PersonnelRecord.of(person).departed()) {
                throw PersonnelProblem.PERSON_DEPARTED.exception();
            }
            String email = ResetEmail.check(session, person, request.email());
            PendingResets pending = pendingResets();
            PendingReset reset = pending.create(caller.user().getId(), person.getId(), email, reason, method);

            Map<String, Object> body = new LinkedHashMap<>();
            body.put("confirmationId", reset.id());
            body.put("expiresInSeconds", pending.lifespanSeconds());
            body.put("person", PersonView.of(person, agencies, locale()));
            body.put("email", email);
            body.put("method", method.code());
            return Response.status(Response.Status.CREATED).entity(body).build();
        });
    }

    /** 確定: generates the password, stores its hash, marks the first login, sends the letter. */
    @POST
    @Path("resets/{id}/confirm")
    public Response confirmReset(@PathParam("id") String id) {
        return answer(() -> {
            ResetMethod method = caller.requireMethod();
            PendingReset reset = pendingResets().take(id, caller.user().getId())
                    .filter(r -> method.code().equals(r.method()))
                    .orElseThrow(PersonnelProblem.RESET_NOT_FOUND::exception);
            // The world may have changed since step one: scope, employment and address are checked again.
            UserModel person = directory.findById(reset.personId(), caller.scope());
            requireSomeoneElse(person);
            targets.require(caller, method, person);
            if (PersonnelRecord.of(person).departed()) {
                throw PersonnelProblem.PERSON_DEPARTED.exception();
            }
            String email = ResetEmail.check(session, person, reset.email());
            new ResetRateLimit(session.singleUseObjects(), settings.resetsPerHour()).claim(caller.user().getId());
            Optional<String> replacedEmail = new PasswordReset(session, realm, agencies, EcpaMetrics.global()).perform(person, email, caller, settings.passwordLength());
            events.passwordReset(caller, person, reset.reason(), replacedEmail);

            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", "sent");
            body.put("person", PersonView.of(person, agencies, locale()));
            return Response.ok(body).build();
        });
    }

    /** 取消: the pending reset is dropped; nothing about the person has changed. */
    @DELETE
    @Path("resets/{id}")
    public Response cancelReset(@PathParam("id") String id) {
        return answer(() -> {
            caller.requireMethod();
            pendingResets().take(id, caller.user().getId()).orElseThrow(PersonnelProblem.RESET_NOT_FOUND::exception);
            return Response.noContent().build();
        });
    }

    /** The chief's officers: everyone with the officer role in the chief's agency or below it. */
    @GET
    @Path("officers")
    public Response officers() {
        return answer(() -> {
            requireChief();
            List<OfficerView> officers = new ArrayList<>();
            session.users().getRoleMembersStream(realm, realm.getRole(Caller.ROLE_OFFICER))
                    .filter(this::isChiefsOfficer)
                    .forEach(officer -> officers.add(officerView(officer)));
            return Response.ok(officers).build();
        });
    }

    /** The agencies a chief may hand out as concurrent agencies: their own and those below it. */
    @GET
    @Path("agencies")
    public Response chiefAgencies() {
        return answer(() -> {
            requireChief();
            List<Map<String, String>> list = agencies.subtree(caller.agencyCode())
                    .map(agency -> Map.of("code", Agencies.codeOf(agency), "name", Agencies.nameOf(agency, locale())))
                    .toList();
            return Response.ok(list).build();
        });
    }

    /** Grants or revokes an officer's reset permission and concurrent agencies, all within the chief's agency. */
    @PUT
    @Path("officers/{userId}/grants")
    public Response updateGrants(@PathParam("userId") String userId, @Context HttpHeaders headers, InputStream json) {
        return answer(() -> {
            requireChief();
            GrantsRequest request = RequestBody.read(headers, json, GrantsRequest.class);
            // Both fields always: a missing list is no way to say "none" (that is []), so that a client that
            // forgot the field cannot silently revoke every concurrent agency.
            if (request.resetGranted() == null || request.concurrentAgencies() == null
                    || request.concurrentAgencies().size() > MAX_CONCURRENT_AGENCIES
                    || request.concurrentAgencies().stream().anyMatch(code -> code == null || code.length() > MAX_AGENCY_CODE_LENGTH)) {
                throw PersonnelProblem.INVALID_REQUEST.exception();
            }
            UserModel officer = userId == null ? null : session.users().getUserById(realm, userId);
            if (officer == null || !isChiefsOfficer(officer)) {
                throw PersonnelProblem.PERSON_NOT_REACHABLE.exception();
            }
            List<String> concurrent = request.concurrentAgencies().stream().map(String::strip).distinct().toList();
            for (String code : concurrent) {
                if (agencies.byCode(code).isEmpty()) {
                    throw PersonnelProblem.UNKNOWN_AGENCY.exception();
                }
                if (!agencies.isWithin(code, caller.agencyCode())) {
                    throw PersonnelProblem.AGENCY_OUTSIDE_CHIEF_SCOPE.exception();
                }
            }
            OfficerGrants.write(officer, request.resetGranted(), concurrent, caller.user());
            events.officerGrants(caller, officer, request.resetGranted(), concurrent);
            return Response.ok(officerView(officer)).build();
        });
    }

    /**
     * Finds a person the caller may reset, counting the lookup against the caller's hourly limit and
     * recording it, found or not, as an admin event (masked ID).
     */
    private UserModel lookUp(String step, ResetMethod method, NationalId nationalId, String reason) {
        ResetRateLimit.lookups(session.singleUseObjects(), settings.lookupsPerHour()).claim(caller.user().getId());
        try {
            UserModel person = directory.find(nationalId, caller.scope());
            if (RESET_REQUEST_STEP.equals(step)) {
                requireSomeoneElse(person);
            }
            targets.require(caller, method, person);
            events.lookup(caller, step, nationalId, reason, "found");
            return person;
        } catch (PersonnelException e) {
            events.lookup(caller, step, nationalId, reason, e.problem().code());
            throw e;
        }
    }

    private OfficerView officerView(UserModel officer) {
        return OfficerView.of(officer, agencies, locale(), OfficerGrants.apply(session, realm, agencies, officer));
    }

    private boolean isChiefsOfficer(UserModel officer) {
        return !officer.getId().equals(caller.user().getId())
                && Caller.hasRole(realm, officer, Caller.ROLE_OFFICER)
                && !Caller.hasRole(realm, officer, Caller.ROLE_CHIEF)
                && agencies.isWithin(PersonnelRecord.of(officer).agencyCode().orElse(null), caller.agencyCode());
    }

    /** Nobody resets their own password here: that would skip proving the current one. */
    private void requireSomeoneElse(UserModel person) {
        if (person.getId().equals(caller.user().getId())) {
            throw PersonnelProblem.OWN_ACCOUNT.exception();
        }
    }

    private void requireChief() {
        if (!caller.isChief()) {
            throw PersonnelProblem.NOT_A_CHIEF.exception();
        }
    }

    private static String requireReason(ResetMethod method, String reason) {
        String stripped = reason == null ? "" : reason.strip();
        if (method == ResetMethod.HELP_DESK && stripped.isEmpty()) {
            throw PersonnelProblem.REASON_MISSING.exception();
        }
        return stripped.length() > 200 ? stripped.substring(0, 200) : stripped;
    }

    private PendingResets pendingResets() {
        return new PendingResets(session, settings.confirmationSeconds());
    }

    private Locale locale() {
        return session.getContext().resolveLocale(caller.user());
    }

    private Response answer(Supplier<Response> work) {
        try {
            return work.get();
        } catch (PersonnelException e) {
            return e.toResponse();
        } catch (ModelException | PersistenceException e) {
            return DatabaseOutage.answer(session, e);
        }
    }
}
