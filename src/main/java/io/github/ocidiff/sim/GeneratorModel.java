package io.github.ocidiff.sim;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * What one generated resource is at the end of a day, computed from hashes: identifiers, names, tags, its
 * state after the updates of the days up to then, and its Resource Search JSON. Shared by Search (resources)
 * and Audit (events), so that both tell the same story.
 */
final class GeneratorModel {
    static final int H_TEAM = 30;
    static final int H_COST_CENTER = 31;
    static final int H_NAME = 32;
    static final int H_APP = 33;
    static final int H_AD = 34;
    static final int H_CREATOR = 35;
    static final int H_UPDATE = 36;
    static final int H_UPDATE_KIND = 37;
    static final int H_UPDATE_TIME = 38;
    static final int H_STOPPED = 39;
    static final int H_TAGGED = 40;

    static final String TENANCY_NAME = "acme-sim";
    private static final DateTimeFormatter RFC3339 =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * What an update changes: a tag, the name or the running state (all seen by Search), or, for the detailed
     * types ({@link GeneratorCatalog.Type#detailed}), only the full-resource view that Search does not show:
     * policy statements, security rules, bucket settings ({@link GeneratorDetails}).
     */
    enum UpdateKind { TEAM, COST_CENTER, RENAME, TOGGLE, CONFIG }

    /** A principal making changes, as Audit's identity block describes it. */
    record Actor(String name, String principalId, String principalName, String authType, String createdBy,
                 String userAgent, String ipAddress, String credentials, boolean console, boolean instance) {
    }

    /** A resource's mutable properties after some days of updates. */
    record State(int nameRevision, int team, int costCenter, boolean stopped, UpdateKind lastUpdate) {
    }

    final GeneratorLayout layout;
    final GeneratorChangeLog log;
    final long seed;
    final String tenancyId;
    final String namespace;
    final String adPrefix;
    final String[] compartmentIds;
    final GeneratorCatalog.Region[] regions;
    final Actor[] actors;
    final double updateProbability;

    GeneratorModel(GeneratorLayout layout, GeneratorChangeLog log) {
        this.layout = layout;
        this.log = log;
        GeneratorSpec spec = layout.spec;
        this.seed = spec.seed();
        this.tenancyId = "ocid1.tenancy.oc1.." + GeneratorHash.ocidSuffix(seed, 3L << 60);
        this.namespace = GeneratorHash.ocidSuffix(seed, 4L << 60).substring(8, 20);
        long h = GeneratorHash.of(seed, 41, 0);
        this.adPrefix = "" + (char) ('A' + GeneratorHash.below(h, 26))
                + (char) ('a' + GeneratorHash.below(GeneratorHash.mix(h + 1), 26))
                + (char) ('a' + GeneratorHash.below(GeneratorHash.mix(h + 2), 26))
                + (char) ('a' + GeneratorHash.below(GeneratorHash.mix(h + 3), 26));
        compartmentIds = new String[layout.compartments];
        compartmentIds[0] = tenancyId;
        for (int c = 1; c < layout.compartments; c++) {
            compartmentIds[c] = "ocid1.compartment.oc1.." + GeneratorHash.ocidSuffix(seed, 2L << 60 | c);
        }
        regions = spec.regions().stream().map(GeneratorCatalog.REGIONS::get).toArray(GeneratorCatalog.Region[]::new);
        List<String> names = spec.actors();
        actors = new Actor[names.size()];
        for (int a = 0; a < actors.length; a++) {
            actors[a] = actor(names.get(a), a);
        }
        this.updateProbability = spec.resourceCount() == 0 ? 0.0
                : Math.min(1.0, (double) spec.updatesPerDay() / spec.resourceCount());
    }

    private Actor actor(String name, int a) {
        String unique = GeneratorHash.ocidSuffix(seed, 3L << 60 | (a + 1));
        if (name.startsWith("instance:")) {
            String id = "ocid1.instance.oc1." + regions[0].ocidPart() + "." + unique;
            return new Actor(name, id, id, "instance", id,
                    "Oracle-PythonSDK/2.138.0 (python 3.11.10; x86_64-Linux) " + name.substring(9) + "/1.4",
                    "10.0." + (a % 250) + ".17", null, false, true);
        }
        String userId = "ocid1.user.oc1.." + unique;
        if (name.contains("@")) {
            String agent = a % 2 == 0
                    ? "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) "
                    + "Chrome/131.0.0.0 Safari/537.36"
                    : "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
            return new Actor(name, userId, name, "natv", "default/" + name, agent, "198.51.100." + (10 + a % 240),
                    null, true, false);
        }
        String fingerprint = GeneratorHash.hex(GeneratorHash.of(seed, 42, a), 32).replaceAll("(..)(?!$)", "$1:");
        String agent = name.toLowerCase(Locale.ROOT).contains("terraform")
                ? "Terraform/1.9.8 (+https://www.terraform.io) Oracle-GoSDK/65.78.0 (go/1.22.7; linux/amd64; "
                + "terraform/1.9.8) terraform-provider-oci/6.17.0"
                : "Oracle-JavaSDK/3.51.0 (Linux/6.1.0; Java/17.0.13; OpenJDK 64-Bit Server VM/17.0.13+11)";
        return new Actor(name, userId, name, "natv", "default/" + name, agent, "203.0.113." + (20 + a % 230),
                tenancyId + "/" + userId + "/" + fingerprint, false, false);
    }

    /** An actor drawn from hash; instance principals only touch compute and block storage. */
    int pickActor(long hash, int type) {
        int a = GeneratorHash.below(hash, actors.length);
        if (actors[a].instance() && type > GeneratorCatalog.VOLUME) {
            for (int i = 1; i < actors.length; i++) {
                int b = (a + i) % actors.length;
                if (!actors[b].instance()) {
                    return b;
                }
            }
        }
        return a;
    }

    static String time(long epochMs) {
        return RFC3339.format(Instant.ofEpochMilli(epochMs));
    }

    GeneratorCatalog.Type type(int p, int k) {
        return GeneratorCatalog.TYPES.get(layout.type(p, k));
    }

    String resourceId(int p, int k) {
        return ocid(type(p, k), layout.regionOf(p), GeneratorChangeLog.key(p, k));
    }

    /** A resource created and deleted on one day: never in Search. */
    String transientId(int type, int region, int day, int j) {
        return ocid(GeneratorCatalog.TYPES.get(type), region, 1L << 60 | (long) day << 32 | j);
    }

    private String ocid(GeneratorCatalog.Type type, int region, long unique) {
        String suffix = GeneratorHash.ocidSuffix(seed, unique);
        if (type.form() == GeneratorCatalog.OcidForm.GLOBAL) {
            return "ocid1." + type.ocidType() + ".oc1.." + suffix;
        }
        return "ocid1." + type.ocidType() + ".oc1." + regions[region].ocidPart() + "." + suffix;
    }

    String availabilityDomain(int p, int k) {
        if (!type(p, k).adScoped()) {
            return null;
        }
        GeneratorCatalog.Region region = regions[layout.regionOf(p)];
        return region.availabilityDomain(adPrefix, 1 + GeneratorHash.below(GeneratorHash.of(seed, H_AD, p, k), region.ads()));
    }

    int creator(int p, int k) {
        return pickActor(GeneratorHash.of(seed, H_CREATOR, p, k), layout.type(p, k));
    }

    /** The display name a resource was created with. */
    String baseName(int p, int k) {
        int c = layout.compartmentOf(p);
        String env = layout.environment(c);
        String app = app(p, k);
        long h = GeneratorHash.of(seed, H_NAME, p, k);
        String n = String.format(Locale.ROOT, "%03d", 1 + GeneratorHash.below(h, 999));
        String prefix = env + "-" + app;
        return switch (type(p, k).name()) {
            case "Instance" -> prefix + "-vm-" + n;
            case "BootVolume" -> prefix + "-vm-" + n + " (Boot Volume)";
            case "Volume" -> prefix + "-vol-" + n;
            case "VolumeBackup" -> prefix + "-vol-" + n + "-backup-" + time(layout.timeCreated(p, k)).substring(0, 10);
            case "Vcn" -> prefix + "-vcn-" + n;
            case "Subnet" -> prefix + "-subnet-" + n;
            case "SecurityList" -> prefix + "-seclist-" + n;
            case "NetworkSecurityGroup" -> prefix + "-nsg-" + n;
            case "RouteTable" -> prefix + "-rt-" + n;
            case "InternetGateway" -> prefix + "-igw-" + n;
            case "NatGateway" -> prefix + "-natgw-" + n;
            case "Drg" -> env + "-drg-" + n;
            case "Bucket" -> prefix + "-bucket-" + GeneratorHash.hex(h, 6);
            case "LoadBalancer" -> prefix + "-lb-" + n;
            case "AutonomousDatabase" -> (env + app).replaceAll("[^A-Za-z0-9]", "") + "db" + n;
            case "Policy" -> app + "-" + env + "-policy-" + n;
            case "Image" -> app + "-image-" + time(layout.timeCreated(p, k)).substring(0, 10).replace("-", "");
            case "FileSystem" -> prefix + "-fs-" + n;
            case "Vault" -> prefix + "-vault-" + n;
            default -> prefix + "-" + n;
        };
    }

    /** The application a resource belongs to: its compartment's name deep in the tree, else drawn. */
    String app(int p, int k) {
        int c = layout.compartmentOf(p);
        return layout.level[c] >= 2 ? layout.compartmentName[c]
                : GeneratorCatalog.APPS[GeneratorHash.below(GeneratorHash.of(seed, H_APP, p, k), GeneratorCatalog.APPS.length)];
    }

    /**
     * The resource key (native partition, index) of a generated resource's OCID, or -1 when {@code ocid} is not
     * one (another seed, a compartment, a transient resource, a resource of no day of the span).
     */
    long resourceKey(String ocid) {
        if (ocid == null || !ocid.startsWith("ocid1.")) {
            return -1;
        }
        long unique = GeneratorHash.ocidUnique(seed, ocid.substring(ocid.lastIndexOf('.') + 1));
        if (unique < 0 || (unique >>> 32) >= layout.partitions) {
            return -1;
        }
        int p = GeneratorChangeLog.partitionOf(unique);
        int k = GeneratorChangeLog.indexOf(unique);
        if (k < 0 || k >= layout.existingAtStart(p, layout.days)) {
            return -1;
        }
        return resourceId(p, k).equals(ocid) ? unique : -1;
    }

    String displayName(int p, int k, State state) {
        String base = baseName(p, k);
        return state.nameRevision() == 0 ? base : base + "-v" + (state.nameRevision() + 1);
    }

    GeneratorChangeLog.Facts facts(int p, int k, int upTo) {
        long key = GeneratorChangeLog.key(p, k);
        int nativeCompartment = layout.compartmentOf(p);
        if (!log.hasChanges(key)) {
            return new GeneratorChangeLog.Facts(Integer.MAX_VALUE, nativeCompartment, 0, 0);
        }
        return log.facts(key, nativeCompartment, upTo);
    }

    /** Whether the per-day update hash of resource (p, k) fires on day d (eligibility aside). */
    boolean updateDrawn(int p, int k, int day) {
        return GeneratorHash.unit(GeneratorHash.of(seed, H_UPDATE, p, k, day)) < updateProbability;
    }

    /** Whether the resource is updated on day d: it existed before, is not deleted or moved that day. */
    boolean updatedOn(int p, int k, int day, int createdDay, GeneratorChangeLog.Facts facts) {
        return day > createdDay && day < facts.deletedDay() && !facts.movedOn(day) && updateDrawn(p, k, day);
    }

    long updateTime(int p, int k, int day) {
        return layout.dayStartMs(day)
                + GeneratorHash.below(GeneratorHash.of(seed, H_UPDATE_TIME, p, k, day), (int) GeneratorLayout.DAY_MS);
    }

    /**
     * The state of resource (p, k) at the end of day {@code upTo}: its creation state folded with the updates
     * of every day up to then. {@code facts} must cover at least day {@code upTo}.
     */
    State state(int p, int k, int upTo, GeneratorChangeLog.Facts facts) {
        int createdDay = layout.createdDay(p, k);
        GeneratorCatalog.Type type = type(p, k);
        int team = GeneratorHash.below(GeneratorHash.of(seed, H_TEAM, p, k), GeneratorCatalog.TEAMS.length);
        int costCenter = GeneratorHash.below(GeneratorHash.of(seed, H_COST_CENTER, p, k), GeneratorCatalog.COST_CENTERS);
        boolean stopped = createdDay < 0 && type.altState() != null
                && GeneratorHash.below(GeneratorHash.of(seed, H_STOPPED, p, k), 10) == 0;
        int revision = 0;
        UpdateKind last = null;
        int lastDay = Math.min(upTo, facts.deletedDay() - 1);
        for (int d = Math.max(0, createdDay + 1); d <= lastDay; d++) {
            if (facts.movedOn(d) || !updateDrawn(p, k, d)) {
                continue;
            }
            long h = GeneratorHash.of(seed, H_UPDATE_KIND, p, k, d);
            UpdateKind kind = updateKind(type, h);
            int step = 1 + (int) ((h >>> 40) % 1000);
            switch (kind) {
                case TEAM -> team = (team + 1 + step % (GeneratorCatalog.TEAMS.length - 1)) % GeneratorCatalog.TEAMS.length;
                case COST_CENTER -> costCenter = (costCenter + 1 + step % (GeneratorCatalog.COST_CENTERS - 1))
                        % GeneratorCatalog.COST_CENTERS;
                case RENAME -> revision++;
                case TOGGLE -> stopped = !stopped;
                case CONFIG -> {
                    // only the detailed view changes: GeneratorDetails folds these days itself
                }
                default -> throw new IllegalStateException();
            }
            last = kind;
        }
        return new State(revision, team, costCenter, stopped, last);
    }

    /** What the update of resource (p, k) on day d changes, if it is updated that day. */
    UpdateKind updateKind(int p, int k, int day) {
        return updateKind(type(p, k), GeneratorHash.of(seed, H_UPDATE_KIND, p, k, day));
    }

    /**
     * Half of the updates of policies, security lists and buckets change their statements, rules or settings;
     * all updates of network security groups change their rules (UpdateNetworkSecurityGroupSecurityRules).
     */
    private static UpdateKind updateKind(GeneratorCatalog.Type type, long h) {
        int roll = (int) ((h >>> 8) % 100);
        if (type.altState() != null && roll < 40) {
            return UpdateKind.TOGGLE;
        }
        if (type.name().equals("NetworkSecurityGroup") || type.detailed() && roll < 50) {
            return UpdateKind.CONFIG;
        }
        int pick = (int) ((h >>> 20) % 10);
        return pick < 4 ? UpdateKind.TEAM : pick < 7 ? UpdateKind.COST_CENTER : UpdateKind.RENAME;
    }

    String lifecycleState(GeneratorCatalog.Type type, State state, boolean deleted) {
        if (deleted) {
            return type.deadState();
        }
        return state.stopped() ? type.altState() : type.liveState();
    }

    ObjectNode freeformTags(int p, State state) {
        ObjectNode tags = NODES.objectNode();
        tags.put("env", layout.environment(layout.compartmentOf(p)));
        tags.put("team", GeneratorCatalog.TEAMS[state.team()]);
        tags.put("costCenter", "cc-" + (1000 + 17 * state.costCenter()));
        return tags;
    }

    ObjectNode definedTags(int p, int k) {
        ObjectNode tags = NODES.objectNode();
        if (GeneratorHash.below(GeneratorHash.of(seed, H_TAGGED, p, k), 10) != 0) {
            ObjectNode oracle = tags.putObject("Oracle-Tags");
            oracle.put("CreatedBy", actors[creator(p, k)].createdBy());
            oracle.put("CreatedOn", time(layout.timeCreated(p, k)));
        }
        return tags;
    }

    /** The Resource Search ResourceSummary of resource (p, k) at the end of day {@code day}. */
    ObjectNode resourceJson(int p, int k, int day) {
        GeneratorChangeLog.Facts facts = facts(p, k, day);
        State state = state(p, k, day, facts);
        GeneratorCatalog.Type type = type(p, k);
        ObjectNode node = NODES.objectNode();
        node.putObject("additionalDetails");
        node.put("availabilityDomain", availabilityDomain(p, k));
        node.put("compartmentId", compartmentIds[facts.compartment()]);
        node.set("definedTags", definedTags(p, k));
        node.put("displayName", displayName(p, k, state));
        node.set("freeformTags", freeformTags(p, state));
        node.put("identifier", resourceId(p, k));
        node.putObject("identityContext");
        node.put("lifecycleState", lifecycleState(type, state, facts.deletedDay() <= day));
        node.put("resourceType", type.name());
        node.putNull("searchContext");
        node.putObject("systemTags");
        node.put("timeCreated", time(layout.timeCreated(p, k)));
        return node;
    }
}
