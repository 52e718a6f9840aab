package tw.ecpa.keycloak.core;

/**
 * A person's name as the portal writes it everywhere (header, console, ID token): a Chinese name family
 * name first with no space (林建宏), as the personnel records and the guide's pages write it; a name
 * written only in Latin letters given name first with a space (Mary Chen). Keycloak's own full-name mapper
 * writes "建宏 林".
 */
public final class PersonalName {

    /** The first CJK block (radicals); every character below it is Latin, Greek, Cyrillic or punctuation. */
    private static final int FIRST_CJK = 0x2E80;

    private PersonalName() {
    }

    /** The written name, or an empty string when the record holds neither part. */
    public static String written(String familyName, String givenName) {
        String family = familyName == null ? "" : familyName.strip();
        String given = givenName == null ? "" : givenName.strip();
        boolean latin = (family + given).chars().allMatch(c -> c < FIRST_CJK);
        return latin && !family.isEmpty() && !given.isEmpty() ? given + " " + family : family + given;
    }
}
