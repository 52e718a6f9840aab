package tw.ecpa.keycloak.personnel;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A {@link PersonnelProblem} on its way to the caller; carries no personal data, so no stack trace. */
final class PersonnelException extends RuntimeException {

    private final PersonnelProblem problem;

    PersonnelException(PersonnelProblem problem) {
        super(problem.code(), null, false, false);
        this.problem = problem;
    }

    PersonnelProblem problem() {
        return problem;
    }

    /** {@code {"error": "person-departed", "messageKey": "ecpa.personnel.error.personDeparted"}}. */
    Response toResponse() {
        return Response.status(problem.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(body()).build();
    }

    Map<String, String> body() {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", problem.code());
        body.put("messageKey", problem.messageKey());
        return body;
    }
}
