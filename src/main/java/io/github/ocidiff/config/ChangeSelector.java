package io.github.ocidiff.config;

import java.util.regex.Pattern;

/**
 * Which changes a suppress rule or a waiver covers: every given criterion must hold; an absent one
 * (null) holds for every change.
 *
 * @param ocid         exactly this resource
 * @param resourceType a resource type as Resource Search names it (compared ignoring case), {@code *} for any
 * @param compartment  a compartment and the subtree below it: its OCID, or its path below the tenancy
 *                     ({@code prod/app}) whose segments may be {@code *} for any one name
 * @param path         a JSON Pointer whose segments may be {@code *}: the change must be a property change
 *                     and every property it changes must lie at or below the pointer
 */
public record ChangeSelector(String ocid, String resourceType, String compartment, String path) {

    private static final Pattern SEGMENT = Pattern.compile("[^/]+");

    /** True when no criterion is given (a resource type of {@code *} is none): such a selector would cover every change. */
    public boolean noCriterion() {
        return ocid == null && (resourceType == null || resourceType.equals(IgnoreRule.ANY_TYPE)) && compartment == null
                && path == null;
    }

    /** The criteria as a reader would write them: "Instance in prod/app at /freeformTags/*". */
    public String describe() {
        StringBuilder text = new StringBuilder();
        if (ocid != null) {
            text.append(ocid);
        }
        if (resourceType != null) {
            text.append(text.isEmpty() ? "" : " ").append(resourceType);
        }
        if (compartment != null) {
            text.append(text.isEmpty() ? "" : " ").append("in ").append(compartment);
        }
        if (path != null) {
            text.append(text.isEmpty() ? "" : " ").append("at ").append(path);
        }
        return text.isEmpty() ? "every change" : text.toString();
    }

    /** Reads ocid, resourceType, compartment and path of a rule's map, unchecked: see {@link #check}. */
    static ChangeSelector read(Section s) {
        return new ChangeSelector(s.optionalString("ocid"), s.optionalString("resourceType"),
                s.optionalString("compartment"), s.optionalString("path"));
    }

    /** Checks the values once the map's keys are known good; {@code rule} names the rule in errors. */
    void check(Section s, String rule) {
        if (ocid != null && !ocid.startsWith("ocid1.")) {
            throw s.invalid("ocid", "a resource OCID (ocid1....) in " + rule, ocid);
        }
        if (compartment != null) {
            checkCompartment(s, rule, compartment);
        }
        if (path != null && !path.startsWith("/")) {
            throw s.invalid("path", "a JSON Pointer starting with /, like /freeformTags/*, in " + rule, path);
        }
    }

    private static void checkCompartment(Section s, String rule, String compartment) {
        if (compartment.startsWith("ocid1.")) {
            return;
        }
        for (String segment : compartment.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches()) {
                throw s.invalid("compartment", "a compartment OCID or a path below the tenancy like prod/app "
                        + "(no leading, trailing or double /) in " + rule, compartment);
            }
        }
    }
}
