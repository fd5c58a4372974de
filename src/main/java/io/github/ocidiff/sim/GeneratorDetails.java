package io.github.ocidiff.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * The full-resource view of the detailed types ({@link GeneratorCatalog.Type#detailed}) that Search does not
 * show: policy statements (Identity GetPolicy), security list rules (Core GetSecurityList), network security
 * group rules (Core ListNetworkSecurityGroupSecurityRules) and bucket settings (Object Storage GetBucket).
 *
 * <p>Like the rest of the generator it is a pure function of (seed, resource, day): a resource's statements,
 * rules or settings are drawn at creation, then folded over the days of its {@link GeneratorModel.UpdateKind#CONFIG
 * CONFIG} updates, each of which mutates them (adds, removes or edits one statement or rule, flips one bucket
 * setting) so that they always differ from the day before. The other updates change what Search shows (tags,
 * name), which the view shows too; so the view changes on exactly the days the resource is updated (and, for
 * its compartmentId and a bucket's etag, moved). O(days) work per resource, nothing held.
 */
final class GeneratorDetails {
    static final int H_STATEMENTS = 70;
    static final int H_STATEMENT = 71;
    static final int H_RULES = 72;
    static final int H_RULE = 73;
    static final int H_MUTATION = 74;
    static final int H_BUCKET = 75;
    static final int H_ETAG = 76;
    static final int H_VCN = 77;
    static final int H_RULE_ID = 78;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static final String ANYWHERE = "0.0.0.0/0";
    static final String CIDR_BLOCK = "CIDR_BLOCK";
    static final String SERVICE_CIDR_BLOCK = "SERVICE_CIDR_BLOCK";
    static final String NETWORK_SECURITY_GROUP = "NETWORK_SECURITY_GROUP";
    private static final int MAX_STATEMENTS = 6;
    private static final int MAX_RULES = 10;

    private static final String[] VERBS = {"inspect", "read", "use", "manage"};
    private static final String[] POLICY_RESOURCES = {"all-resources", "instance-family", "virtual-network-family",
            "volume-family", "object-family", "buckets", "objects", "database-family", "autonomous-database-family",
            "load-balancers", "file-family", "vaults", "keys", "secret-family", "compute-management-family",
            "dns", "logging-family", "cluster-family"};
    private static final String[] CORPORATE = {"192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24", "172.16.0.0/12"};

    record Port(int min, int max, String label) {
    }

    private static final Port[] TCP = {new Port(22, 22, "SSH"), new Port(80, 80, "HTTP"),
            new Port(443, 443, "HTTPS"), new Port(1521, 1522, "Oracle Net"), new Port(3306, 3306, "MySQL"),
            new Port(5432, 5432, "PostgreSQL"), new Port(6379, 6379, "Redis"), new Port(8080, 8080, "app HTTP"),
            new Port(8443, 8443, "app HTTPS"), new Port(9092, 9092, "Kafka"), new Port(2049, 2050, "NFS"),
            new Port(3389, 3389, "RDP"), new Port(27017, 27017, "MongoDB"),
            new Port(30000, 32767, "Kubernetes NodePorts")};
    private static final Port[] UDP = {new Port(53, 53, "DNS"), new Port(123, 123, "NTP"),
            new Port(161, 161, "SNMP"), new Port(514, 514, "syslog"), new Port(2048, 2050, "NFS mount"),
            new Port(111, 111, "rpcbind"), new Port(4500, 4500, "IPsec NAT-T")};
    /** ICMP type, code (-1: any), label. */
    private static final Port[] ICMP = {new Port(3, 4, "Path MTU discovery"),
            new Port(3, -1, "destination unreachable"), new Port(8, -1, "ping"), new Port(11, 0, "traceroute")};

    /** One policy statement: "Allow group G to VERB RESOURCE in SCOPE". */
    record Statement(String group, int verb, String resource, String scope) {
        String text() {
            return "Allow group " + group + " to " + VERBS[verb] + " " + resource + " in " + scope;
        }
    }

    /**
     * One security rule of a security list or a network security group. {@code peer} is the source of an
     * ingress rule, the destination of an egress one; {@code port} indexes the TCP or UDP ports (protocol 6 or
     * 17), {@code icmp} the ICMP options (protocol 1); -1 when not applicable. NSG rules have an id and a
     * creation time.
     */
    record Rule(String id, boolean ingress, String protocol, String peer, String peerType, int port, int icmp,
                boolean stateless, boolean described, long created) {
        Rule withPort(int value) {
            return new Rule(id, ingress, protocol, peer, peerType, value, icmp, stateless, described, created);
        }

        Rule withIcmp(int value) {
            return new Rule(id, ingress, protocol, peer, peerType, port, value, stateless, described, created);
        }

        Rule withPeer(String value, String type) {
            return new Rule(id, ingress, protocol, value, type, port, icmp, stateless, described, created);
        }
    }

    /** Bucket settings: access 0 NoPublicAccess, 1 ObjectRead, 2 ObjectReadWithoutList; versioning 0 Disabled, 1 Enabled, 2 Suspended. */
    record BucketSettings(int access, int versioning, boolean events, boolean autoTiering, boolean replication,
                          boolean readOnly) {
    }

    private static final String[] ACCESS = {"NoPublicAccess", "ObjectRead", "ObjectReadWithoutList"};
    private static final String[] VERSIONING = {"Disabled", "Enabled", "Suspended"};

    /** The network a security list or NSG belongs to: its VCN, the VCN's 10.x.0.0/16, the region's services. */
    private record Net(String vcnId, int second, String services, String selfId) {
        String vcnCidr() {
            return "10." + second + ".0.0/16";
        }

        String subnet(long h) {
            return "10." + second + "." + GeneratorHash.below(h, 256) + ".0/24";
        }
    }

    private final GeneratorModel model;
    private final GeneratorLayout layout;
    private final long seed;

    GeneratorDetails(GeneratorModel model) {
        this.model = model;
        this.layout = model.layout;
        this.seed = model.seed;
    }

    /**
     * The details of resource (p, k) at the end of {@code day}, as the GET of its type returns them (the
     * simulator adds the id, and for buckets namespace and name), or null for types without details.
     * {@code facts} must cover {@code day}.
     */
    ObjectNode json(int p, int k, int day, GeneratorChangeLog.Facts facts) {
        GeneratorCatalog.Type type = model.type(p, k);
        if (!type.detailed()) {
            return null;
        }
        GeneratorModel.State state = model.state(p, k, day, facts);
        String compartmentId = model.compartmentIds[facts.compartment()];
        String lifecycleState = model.lifecycleState(type, state, facts.deletedDay() <= day);
        String timeCreated = GeneratorModel.time(layout.timeCreated(p, k));
        ObjectNode node = NODES.objectNode();
        ObjectNode content = type.name().equals("Bucket") ? null : content(p, k, day, facts);
        switch (type.name()) {
            case "Policy" -> {
                node.put("compartmentId", compartmentId);
                node.set("definedTags", model.definedTags(p, k));
                node.put("description", policyDescription(p, k));
                node.set("freeformTags", model.freeformTags(p, state));
                node.putNull("inactiveStatus");
                node.put("lifecycleState", lifecycleState);
                node.put("name", model.displayName(p, k, state));
                node.set("statements", content.get("statements"));
                node.put("timeCreated", timeCreated);
                node.putNull("versionDate");
            }
            case "SecurityList" -> {
                node.put("compartmentId", compartmentId);
                node.set("definedTags", model.definedTags(p, k));
                node.put("displayName", model.displayName(p, k, state));
                node.set("egressSecurityRules", content.get("egressSecurityRules"));
                node.set("freeformTags", model.freeformTags(p, state));
                node.set("ingressSecurityRules", content.get("ingressSecurityRules"));
                node.put("lifecycleState", lifecycleState);
                node.put("timeCreated", timeCreated);
                node.put("vcnId", net(p, k).vcnId());
            }
            case "NetworkSecurityGroup" -> {
                node.put("compartmentId", compartmentId);
                node.set("definedTags", model.definedTags(p, k));
                node.put("displayName", model.displayName(p, k, state));
                node.set("freeformTags", model.freeformTags(p, state));
                node.put("lifecycleState", lifecycleState);
                node.set("securityRules", content.get("securityRules"));
                node.put("timeCreated", timeCreated);
                node.put("vcnId", net(p, k).vcnId());
            }
            case "Bucket" -> {
                BucketSettings settings = bucketSettings(p, k, day, facts);
                node.put("autoTiering", settings.autoTiering() ? "InfrequentAccess" : "Disabled");
                node.put("compartmentId", compartmentId);
                node.put("createdBy", model.actors[model.creator(p, k)].principalId());
                node.set("definedTags", model.definedTags(p, k));
                node.put("etag", GeneratorHash.uuid(GeneratorHash.of(seed, H_ETAG, p, k, lastWriteDay(p, k, day, facts))));
                node.set("freeformTags", model.freeformTags(p, state));
                node.put("isReadOnly", settings.readOnly());
                node.putNull("kmsKeyId");
                node.putObject("metadata");
                node.put("name", model.displayName(p, k, state));
                node.put("objectEventsEnabled", settings.events());
                node.putNull("objectLifecyclePolicyEtag");
                node.put("publicAccessType", ACCESS[settings.access()]);
                node.put("replicationEnabled", settings.replication());
                node.put("storageTier", "Standard");
                node.put("timeCreated", timeCreated);
                node.put("versioning", VERSIONING[settings.versioning()]);
            }
            default -> throw new IllegalStateException(type.name());
        }
        return node;
    }

    /**
     * What a CONFIG update changes, as of the end of {@code day}: {"statements"}, {"egressSecurityRules",
     * "ingressSecurityRules"}, {"securityRules"} or the bucket settings. Audit's stateChange shows it before and
     * after. {@code facts} must cover {@code day}.
     */
    ObjectNode content(int p, int k, int day, GeneratorChangeLog.Facts facts) {
        ObjectNode node = NODES.objectNode();
        switch (model.type(p, k).name()) {
            case "Policy" -> {
                ArrayNode statements = node.putArray("statements");
                for (Statement s : statements(p, k, day, facts)) {
                    statements.add(s.text());
                }
            }
            case "SecurityList" -> {
                List<Rule> rules = securityListRules(p, k, day, facts);
                ArrayNode egress = node.putArray("egressSecurityRules");
                ArrayNode ingress = node.putArray("ingressSecurityRules");
                for (Rule r : rules) {
                    (r.ingress() ? ingress : egress).add(listRuleJson(r));
                }
            }
            case "NetworkSecurityGroup" -> {
                ArrayNode rules = node.putArray("securityRules");
                for (Rule r : nsgRules(p, k, day, facts)) {
                    rules.add(nsgRuleJson(r));
                }
            }
            case "Bucket" -> {
                BucketSettings s = bucketSettings(p, k, day, facts);
                node.put("autoTiering", s.autoTiering() ? "InfrequentAccess" : "Disabled");
                node.put("objectEventsEnabled", s.events());
                node.put("publicAccessType", ACCESS[s.access()]);
                node.put("versioning", VERSIONING[s.versioning()]);
            }
            default -> {
                return null;
            }
        }
        return node;
    }

    /** Calls {@code action} with each day up to {@code upTo} on which (p, k) had a CONFIG update, in order. */
    private void configDays(int p, int k, int upTo, GeneratorChangeLog.Facts facts, IntConsumer action) {
        int createdDay = layout.createdDay(p, k);
        int lastDay = Math.min(upTo, facts.deletedDay() - 1);
        for (int d = Math.max(0, createdDay + 1); d <= lastDay; d++) {
            if (model.updatedOn(p, k, d, createdDay, facts)
                    && model.updateKind(p, k, d) == GeneratorModel.UpdateKind.CONFIG) {
                action.accept(d);
            }
        }
    }

    /** The last day up to {@code upTo} on which (p, k) was updated or moved, -1 for none. */
    private int lastWriteDay(int p, int k, int upTo, GeneratorChangeLog.Facts facts) {
        int createdDay = layout.createdDay(p, k);
        int last = -1;
        for (int d = Math.max(0, createdDay + 1), end = Math.min(upTo, facts.deletedDay() - 1); d <= end; d++) {
            if (facts.movedOn(d) || model.updatedOn(p, k, d, createdDay, facts)) {
                last = d;
            }
        }
        return last;
    }

    private long mutation(int p, int k, int d) {
        return GeneratorHash.of(seed, H_MUTATION, p, k, d);
    }

    // policies

    List<Statement> statements(int p, int k, int upTo, GeneratorChangeLog.Facts facts) {
        long h = GeneratorHash.of(seed, H_STATEMENTS, p, k);
        int n = 1 + GeneratorHash.below(h, 100) / 20 + (GeneratorHash.below(GeneratorHash.mix(h), 4) == 0 ? 1 : 0);
        List<Statement> statements = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            statements.add(statement(p, k, GeneratorHash.of(seed, H_STATEMENT, p, k, i)));
        }
        configDays(p, k, upTo, facts, d -> {
            long m = mutation(p, k, d);
            int size = statements.size();
            int roll = GeneratorHash.below(m, 100);
            int at = GeneratorHash.below(GeneratorHash.mix(m + 1), size);
            if (size < MAX_STATEMENTS && (size == 1 || roll < 40)) {
                statements.add(statement(p, k, GeneratorHash.mix(m + 2)));
            } else if (size > 1 && roll < 70) {
                statements.remove(at);
            } else {
                Statement s = statements.get(at);
                int verb = (s.verb() + 1 + GeneratorHash.below(GeneratorHash.mix(m + 3), VERBS.length - 1)) % VERBS.length;
                statements.set(at, new Statement(s.group(), verb, s.resource(), s.scope()));
            }
        });
        return statements;
    }

    private Statement statement(int p, int k, long h) {
        int c = layout.compartmentOf(p);
        String env = layout.environment(c);
        String app = model.app(p, k);
        String[] groups = {env + "-" + app + "-admins", env + "-" + app + "-developers", env + "-" + app + "-operators",
                env + "-readonly", "NetworkAdmins", "SecurityAuditors", "DatabaseAdmins", "CloudOps"};
        String group = groups[GeneratorHash.below(h, groups.length)];
        int roll = GeneratorHash.below(GeneratorHash.mix(h + 1), 100);
        int verb = roll < 15 ? 0 : roll < 45 ? 1 : roll < 70 ? 2 : 3;
        if (group.equals("SecurityAuditors") || group.endsWith("-readonly")) {
            verb = Math.min(verb, 1);
        }
        String resource = POLICY_RESOURCES[GeneratorHash.below(GeneratorHash.mix(h + 2), POLICY_RESOURCES.length)];
        return new Statement(group, verb, resource, scope(c, GeneratorHash.mix(h + 3)));
    }

    /**
     * Where a statement of a policy attached to compartment c applies: the tenancy or any compartment (by its
     * path) for root policies, else c itself or one of its children (named relative to c, as OCI does).
     */
    private String scope(int c, long h) {
        int roll = GeneratorHash.below(h, 100);
        if (c == 0) {
            if (roll < 40 || layout.compartments < 2) {
                return "tenancy";
            }
            int x = 1 + GeneratorHash.below(GeneratorHash.mix(h), layout.compartments - 1);
            return "compartment " + layout.path(x).replace('/', ':');
        }
        if (roll < 65) {
            return "compartment " + layout.compartmentName[c];
        }
        List<Integer> children = new ArrayList<>();
        for (int x = c + 1; x < layout.compartments; x++) {
            if (layout.parent[x] == c) {
                children.add(x);
            }
        }
        if (children.isEmpty()) {
            return "compartment " + layout.compartmentName[c];
        }
        return "compartment " + layout.compartmentName[children.get(GeneratorHash.below(GeneratorHash.mix(h), children.size()))];
    }

    private String policyDescription(int p, int k) {
        int c = layout.compartmentOf(p);
        return c == 0 ? "Tenancy-wide access for the " + model.app(p, k) + " teams"
                : "Access to " + layout.path(c) + " for the " + model.app(p, k) + " teams";
    }

    // security lists and network security groups

    private Net net(int p, int k) {
        int total = layout.existingAtStart(p, layout.days);
        int vcn = -1;
        for (int i = k - 1; i >= 0 && i >= k - 300 && vcn < 0; i--) {
            if (layout.type(p, i) == GeneratorCatalog.VCN) {
                vcn = i;
            }
        }
        for (int i = k + 1; i < total && i <= k + 300 && vcn < 0; i++) {
            if (layout.type(p, i) == GeneratorCatalog.VCN) {
                vcn = i;
            }
        }
        GeneratorCatalog.Region region = model.regions[layout.regionOf(p)];
        String vcnId;
        long h;
        if (vcn >= 0) {
            vcnId = model.resourceId(p, vcn);
            h = GeneratorHash.of(seed, H_VCN, GeneratorChangeLog.key(p, vcn));
        } else {
            long unique = 5L << 60 | p;
            vcnId = "ocid1.vcn.oc1." + region.ocidPart() + "." + GeneratorHash.ocidSuffix(seed, unique);
            h = GeneratorHash.of(seed, H_VCN, unique);
        }
        String services = "all-" + region.key().toLowerCase(Locale.ROOT) + "-services-in-oracle-services-network";
        return new Net(vcnId, GeneratorHash.below(h, 256), services, model.resourceId(p, k));
    }

    List<Rule> securityListRules(int p, int k, int upTo, GeneratorChangeLog.Facts facts) {
        Net net = net(p, k);
        long h = GeneratorHash.of(seed, H_RULES, p, k);
        List<Rule> rules = new ArrayList<>();
        boolean defaults = GeneratorHash.below(h, 100) < 40;
        if (defaults) {
            // what OCI puts in a VCN's default security list
            rules.add(new Rule(null, true, "6", ANYWHERE, CIDR_BLOCK, 0, -1, false, false, 0));
            rules.add(new Rule(null, true, "1", ANYWHERE, CIDR_BLOCK, -1, 0, false, false, 0));
            rules.add(new Rule(null, true, "1", net.vcnCidr(), CIDR_BLOCK, -1, 1, false, false, 0));
        }
        int extra = (defaults ? 0 : 1) + GeneratorHash.below(GeneratorHash.mix(h), defaults ? 3 : 4);
        for (int i = 0; i < extra; i++) {
            rules.add(newRule(GeneratorHash.of(seed, H_RULE, p, k, i), net, true, false, null, 0));
        }
        int egress = GeneratorHash.below(GeneratorHash.mix(h + 1), 100);
        if (egress < 70) {
            rules.add(new Rule(null, false, "all", ANYWHERE, CIDR_BLOCK, -1, -1, false, false, 0));
        } else {
            rules.add(new Rule(null, false, "6", ANYWHERE, CIDR_BLOCK, 2, -1, false, true, 0));
            rules.add(new Rule(null, false, "all", egress < 85 ? net.vcnCidr() : net.services(),
                    egress < 85 ? CIDR_BLOCK : SERVICE_CIDR_BLOCK, -1, -1, false, false, 0));
        }
        configDays(p, k, upTo, facts, d -> mutate(rules, mutation(p, k, d), net, false, null, 0));
        return rules;
    }

    List<Rule> nsgRules(int p, int k, int upTo, GeneratorChangeLog.Facts facts) {
        Net net = net(p, k);
        long h = GeneratorHash.of(seed, H_RULES, p, k);
        long created = layout.timeCreated(p, k);
        List<Rule> rules = new ArrayList<>();
        int n = 1 + GeneratorHash.below(h, 4);
        int[] serial = {0};
        for (int i = 0; i < n; i++) {
            rules.add(newRule(GeneratorHash.of(seed, H_RULE, p, k, i), net, true, true,
                    ruleId(p, k, serial[0]++), created));
        }
        if (GeneratorHash.below(GeneratorHash.mix(h), 100) < 60) {
            rules.add(new Rule(ruleId(p, k, serial[0]++), false, "all", ANYWHERE, CIDR_BLOCK, -1, -1, false, false,
                    created));
        }
        configDays(p, k, upTo, facts, d -> {
            boolean added = mutate(rules, mutation(p, k, d), net, true, ruleId(p, k, serial[0]), model.updateTime(p, k, d));
            if (added) {
                serial[0]++;
            }
        });
        return rules;
    }

    private String ruleId(int p, int k, int serial) {
        return GeneratorHash.hex(GeneratorHash.of(seed, H_RULE_ID, p, k, serial), 6).toUpperCase(Locale.ROOT);
    }

    /** A new rule drawn from h: mostly TCP to a well-known port, from the VCN, a subnet, anywhere or the office. */
    private static Rule newRule(long h, Net net, boolean ingress, boolean nsg, String id, long created) {
        int roll = GeneratorHash.below(h, 100);
        String protocol;
        int port = -1;
        int icmp = -1;
        if (roll < 62) {
            protocol = "6";
            port = GeneratorHash.below(GeneratorHash.mix(h + 1), TCP.length);
        } else if (roll < 76) {
            protocol = "17";
            port = GeneratorHash.below(GeneratorHash.mix(h + 1), UDP.length);
        } else if (roll < 88) {
            protocol = "1";
            icmp = GeneratorHash.below(GeneratorHash.mix(h + 1), ICMP.length);
        } else {
            protocol = "all";
        }
        String[] peer = peer(GeneratorHash.mix(h + 2), net, ingress, nsg, protocol);
        boolean stateless = !protocol.equals("6") && GeneratorHash.below(GeneratorHash.mix(h + 3), 100) < 10;
        boolean described = GeneratorHash.below(GeneratorHash.mix(h + 4), 100) < 40;
        return new Rule(id, ingress, protocol, peer[0], peer[1], port, icmp, stateless, described, created);
    }

    private static String[] peer(long h, Net net, boolean ingress, boolean nsg, String protocol) {
        int roll = GeneratorHash.below(h, 100);
        if (!ingress) {
            if (roll < 60) {
                return new String[] {ANYWHERE, CIDR_BLOCK};
            }
            if (roll < 80 || !protocol.equals("6") && !protocol.equals("all")) {
                return new String[] {net.vcnCidr(), CIDR_BLOCK};
            }
            return new String[] {net.services(), SERVICE_CIDR_BLOCK};
        }
        if (roll < 25 && !protocol.equals("all")) {
            return new String[] {ANYWHERE, CIDR_BLOCK};
        }
        if (roll < 55) {
            return new String[] {net.vcnCidr(), CIDR_BLOCK};
        }
        if (roll < 78) {
            return new String[] {net.subnet(GeneratorHash.mix(h)), CIDR_BLOCK};
        }
        if (roll < 90 || !nsg) {
            return new String[] {CORPORATE[GeneratorHash.below(GeneratorHash.mix(h + 1), CORPORATE.length)], CIDR_BLOCK};
        }
        return new String[] {net.selfId(), NETWORK_SECURITY_GROUP};
    }

    /**
     * One CONFIG update of a rule list: adds an ingress rule, removes one, edits one (port or peer), or, for
     * security lists, adds or removes an egress rule. The list always differs afterwards. Returns whether a
     * rule with {@code newId} was added.
     */
    private static boolean mutate(List<Rule> rules, long m, Net net, boolean nsg, String newId, long when) {
        List<Integer> ingress = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).ingress()) {
                ingress.add(i);
            }
        }
        int roll = GeneratorHash.below(m, 100);
        if (roll >= 92 && !nsg) {
            int egress = rules.size() - ingress.size();
            if (egress > 1) {
                for (int i = rules.size() - 1; i >= 0; i--) {
                    if (!rules.get(i).ingress()) {
                        rules.remove(i);
                        return false;
                    }
                }
            }
            rules.add(new Rule(null, false, "6", net.services(), SERVICE_CIDR_BLOCK, 2, -1, false, true, 0));
            return false;
        }
        boolean add = roll < 40 || ingress.isEmpty();
        boolean remove = !add && roll < 65 && ingress.size() > 1;
        if (add && rules.size() >= MAX_RULES && !ingress.isEmpty()) {
            add = false;
            remove = ingress.size() > 1;
        }
        if (add) {
            Rule rule = newRule(GeneratorHash.mix(m + 1), net, true, nsg, newId, when);
            rules.add(ingress.isEmpty() ? rules.size() : ingress.get(ingress.size() - 1) + 1, rule);
            return true;
        }
        int at = ingress.get(GeneratorHash.below(GeneratorHash.mix(m + 2), ingress.size()));
        if (remove) {
            rules.remove(at);
            return false;
        }
        Rule r = rules.get(at);
        long e = GeneratorHash.mix(m + 3);
        if (r.port() >= 0 && GeneratorHash.below(e, 2) == 0) {
            int n = r.protocol().equals("6") ? TCP.length : UDP.length;
            rules.set(at, r.withPort(other(r.port(), n, GeneratorHash.mix(e))));
        } else if (r.icmp() >= 0 && GeneratorHash.below(e, 2) == 0) {
            rules.set(at, r.withIcmp(other(r.icmp(), ICMP.length, GeneratorHash.mix(e))));
        } else {
            String[] peer = null;
            for (int salt = 0; salt < 8 && peer == null; salt++) {
                String[] candidate = peer(GeneratorHash.mix(e + 1 + salt), net, true, nsg, r.protocol());
                if (!candidate[0].equals(r.peer())) {
                    peer = candidate;
                }
            }
            if (peer == null) {
                peer = r.peer().equals(net.vcnCidr()) ? new String[] {CORPORATE[0], CIDR_BLOCK}
                        : new String[] {net.vcnCidr(), CIDR_BLOCK};
            }
            rules.set(at, r.withPeer(peer[0], peer[1]));
        }
        return false;
    }

    /** An index in [0, n) other than {@code current}. */
    private static int other(int current, int n, long h) {
        int j = GeneratorHash.below(h, n - 1);
        return j >= current ? j + 1 : j;
    }

    private static String label(Rule r) {
        String what = switch (r.protocol()) {
            case "6" -> TCP[r.port()].label();
            case "17" -> UDP[r.port()].label();
            case "1" -> "ICMP " + ICMP[r.icmp()].label();
            default -> "all traffic";
        };
        if (r.peerType().equals(NETWORK_SECURITY_GROUP)) {
            return what + " within the group";
        }
        if (!r.ingress()) {
            return what + " out";
        }
        return r.peer().equals(ANYWHERE) ? what + " from the internet" : what + " from " + r.peer();
    }

    private static void options(ObjectNode node, Rule r) {
        if (r.protocol().equals("1")) {
            Port icmp = ICMP[r.icmp()];
            ObjectNode options = node.putObject("icmpOptions");
            if (icmp.max() < 0) {
                options.putNull("code");
            } else {
                options.put("code", icmp.max());
            }
            options.put("type", icmp.min());
        } else {
            node.putNull("icmpOptions");
        }
    }

    private static void ports(ObjectNode node, Rule r) {
        for (String protocol : new String[] {"6", "17"}) {
            String field = protocol.equals("6") ? "tcpOptions" : "udpOptions";
            if (r.protocol().equals(protocol)) {
                Port port = (protocol.equals("6") ? TCP : UDP)[r.port()];
                ObjectNode options = node.putObject(field);
                options.putObject("destinationPortRange").put("max", port.max()).put("min", port.min());
                options.putNull("sourcePortRange");
            } else {
                node.putNull(field);
            }
        }
    }

    /** An IngressSecurityRule or EgressSecurityRule as GetSecurityList returns it. */
    private static ObjectNode listRuleJson(Rule r) {
        ObjectNode node = NODES.objectNode();
        node.put("description", r.described() ? label(r) : null);
        if (!r.ingress()) {
            node.put("destination", r.peer());
            node.put("destinationType", r.peerType());
        }
        options(node, r);
        node.put("isStateless", r.stateless());
        node.put("protocol", r.protocol());
        if (r.ingress()) {
            node.put("source", r.peer());
            node.put("sourceType", r.peerType());
        }
        ObjectNode tcpUdp = NODES.objectNode();
        ports(tcpUdp, r);
        node.set("tcpOptions", tcpUdp.get("tcpOptions"));
        node.set("udpOptions", tcpUdp.get("udpOptions"));
        return node;
    }

    /** A SecurityRule as ListNetworkSecurityGroupSecurityRules returns it. */
    private static ObjectNode nsgRuleJson(Rule r) {
        ObjectNode node = NODES.objectNode();
        node.put("description", r.described() ? label(r) : null);
        node.put("destination", r.ingress() ? null : r.peer());
        node.put("destinationType", r.ingress() ? null : r.peerType());
        node.put("direction", r.ingress() ? "INGRESS" : "EGRESS");
        options(node, r);
        node.put("id", r.id());
        node.put("isStateless", r.stateless());
        node.put("isValid", true);
        node.put("protocol", r.protocol());
        node.put("source", r.ingress() ? r.peer() : null);
        node.put("sourceType", r.ingress() ? r.peerType() : null);
        ObjectNode tcpUdp = NODES.objectNode();
        ports(tcpUdp, r);
        node.set("tcpOptions", tcpUdp.get("tcpOptions"));
        node.put("timeCreated", GeneratorModel.time(r.created()));
        node.set("udpOptions", tcpUdp.get("udpOptions"));
        return node;
    }

    // buckets

    BucketSettings bucketSettings(int p, int k, int upTo, GeneratorChangeLog.Facts facts) {
        long h = GeneratorHash.of(seed, H_BUCKET, p, k);
        int[] access = {GeneratorHash.below(h, 100) < 3 ? 1 : 0};
        int[] versioning = {GeneratorHash.below(GeneratorHash.mix(h + 1), 100) < 30 ? 1 : 0};
        boolean[] events = {GeneratorHash.below(GeneratorHash.mix(h + 2), 100) < 20};
        boolean[] tiering = {GeneratorHash.below(GeneratorHash.mix(h + 3), 100) < 15};
        boolean replication = GeneratorHash.below(GeneratorHash.mix(h + 4), 100) < 5;
        configDays(p, k, upTo, facts, d -> {
            long m = mutation(p, k, d);
            int roll = GeneratorHash.below(m, 100);
            boolean publish = roll >= 85 && (access[0] != 0 || GeneratorHash.below(GeneratorHash.mix(m), 3) == 0);
            if (roll < 35) {
                versioning[0] = versioning[0] == 1 ? 2 : 1; // Disabled → Enabled ↔ Suspended, as OCI allows
            } else if (roll < 60) {
                events[0] = !events[0];
            } else if (publish) {
                access[0] = access[0] != 0 ? 0 : GeneratorHash.below(GeneratorHash.mix(m + 1), 10) < 7 ? 1 : 2;
            } else {
                tiering[0] = !tiering[0];
            }
        });
        return new BucketSettings(access[0], versioning[0], events[0], tiering[0], replication, false);
    }
}
