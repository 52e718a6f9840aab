package tw.ecpa.keycloak.model;

/**
 * How the realm keeps the agency hierarchy: the groups below the top-level group {@value #ROOT_GROUP},
 * each with these attributes. Plain constants with no Keycloak type, for the demo data and the tests; the
 * tree itself is read through {@link Agencies}.
 */
public final class AgencyAttributes {

    /** The top-level group whose subgroups, at any depth, are the agencies. */
    public static final String ROOT_GROUP = "agencies";
    /** The agency's code; a person's {@link PersonnelAttributes#AGENCY_CODE} names their agency by it. */
    public static final String CODE = PersonnelAttributes.AGENCY_CODE;
    /** The agency's OID, which its agency certificate (機關憑證) carries. */
    public static final String OID = "agencyOid";
    /** The agency's English name; the group's name is the official Chinese one. */
    public static final String NAME_EN = "agencyNameEn";

    private AgencyAttributes() {
    }
}
