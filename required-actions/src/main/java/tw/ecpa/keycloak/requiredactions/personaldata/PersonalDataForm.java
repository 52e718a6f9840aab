package tw.ecpa.keycloak.requiredactions.personaldata;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.models.UserModel;

import tw.ecpa.keycloak.core.account.CustomAccount;
import tw.ecpa.keycloak.core.account.PhoneNumber;

/** What the 個人資料修改 page posts, read once and normalised. */
record PersonalDataForm(String account, String email, String phoneNumber, String egovMessages) {

    static final String ACCOUNT = UserModel.USERNAME;
    static final String EMAIL = UserModel.EMAIL;
    static final String PHONE = "phoneNumber";
    static final String EGOV_MESSAGES = "egovMessages";

    static PersonalDataForm of(MultivaluedMap<String, String> form) {
        return new PersonalDataForm(
                CustomAccount.normalise(Optional.ofNullable(form.getFirst(ACCOUNT)).orElse("")),
                strip(form.getFirst(EMAIL)),
                PhoneNumber.normalise(form.getFirst(PHONE)),
                strip(form.getFirst(EGOV_MESSAGES)));
    }

    /** The same person's current data, for the first display of the page. */
    static PersonalDataForm of(UserModel user) {
        String username = user.getUsername();
        return new PersonalDataForm(
                CustomAccount.isPlaceholder(username) ? "" : username,
                user.getEmail(),
                user.getFirstAttribute(PHONE),
                user.getFirstAttribute(EGOV_MESSAGES));
    }

    /** The user-profile attributes this page edits, keeping the username the person has now. */
    Map<String, List<String>> profileAttributes(String currentUsername) {
        Map<String, List<String>> attributes = new HashMap<>();
        attributes.put(ACCOUNT, List.of(currentUsername));
        attributes.put(EMAIL, listOf(email));
        attributes.put(PHONE, listOf(phoneNumber));
        attributes.put(EGOV_MESSAGES, listOf(egovMessages));
        return attributes;
    }

    private static List<String> listOf(String value) {
        return value == null || value.isEmpty() ? List.of() : List.of(value);
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
