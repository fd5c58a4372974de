package io.github.ocidiff.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Static facts the generator draws from: OCI regions, resource types and their APIs, names. */
final class GeneratorCatalog {

    private GeneratorCatalog() {
    }

    /**
     * A region: its name, its key (as homeRegionKey and RegionSubscription use it), the number of its
     * availability domains, the region part of AD names and the region part of its OCIDs.
     */
    record Region(String name, String key, int ads, String adName, String ocidPart) {
        String availabilityDomain(String prefix, int ad) {
            return prefix + ":" + adName + "-AD-" + ad;
        }
    }

    static final Map<String, Region> REGIONS;

    static {
        Map<String, Region> regions = new LinkedHashMap<>();
        legacy(regions, "us-ashburn-1", "IAD", 3, "US-ASHBURN");
        legacy(regions, "us-phoenix-1", "PHX", 3, "PHX");
        legacy(regions, "eu-frankfurt-1", "FRA", 3, "EU-FRANKFURT-1");
        legacy(regions, "uk-london-1", "LHR", 3, "UK-LONDON-1");
        String[][] others = {
                {"us-sanjose-1", "SJC"}, {"us-chicago-1", "ORD"}, {"ca-toronto-1", "YYZ"}, {"ca-montreal-1", "YUL"},
                {"eu-amsterdam-1", "AMS"}, {"eu-zurich-1", "ZRH"}, {"eu-paris-1", "CDG"}, {"eu-madrid-1", "MAD"},
                {"eu-milan-1", "LIN"}, {"eu-stockholm-1", "ARN"}, {"eu-marseille-1", "MRS"}, {"uk-cardiff-1", "CWL"},
                {"ap-tokyo-1", "NRT"}, {"ap-osaka-1", "KIX"}, {"ap-seoul-1", "ICN"}, {"ap-chuncheon-1", "YNY"},
                {"ap-mumbai-1", "BOM"}, {"ap-hyderabad-1", "HYD"}, {"ap-sydney-1", "SYD"},
                {"ap-melbourne-1", "MEL"}, {"ap-singapore-1", "SIN"}, {"sa-saopaulo-1", "GRU"},
                {"sa-vinhedo-1", "VCP"}, {"sa-santiago-1", "SCL"}, {"me-jeddah-1", "JED"}, {"me-dubai-1", "DXB"},
                {"il-jerusalem-1", "MTZ"}, {"af-johannesburg-1", "JNB"}, {"mx-queretaro-1", "QRO"}};
        for (String[] r : others) {
            regions.put(r[0], new Region(r[0], r[1], 1, r[0].toUpperCase(Locale.ROOT), r[0]));
        }
        REGIONS = Collections.unmodifiableMap(regions);
    }

    private static void legacy(Map<String, Region> regions, String name, String key, int ads, String adName) {
        regions.put(name, new Region(name, key, ads, adName, key.toLowerCase(Locale.ROOT)));
    }

    /** How a resource type's OCID looks. */
    enum OcidForm { REGIONAL, GLOBAL }

    /**
     * A resource type as Resource Search names it, with the Audit vocabulary of its service.
     *
     * @param name        Search resourceType
     * @param ocidType    the type segment of its OCIDs
     * @param form        regional OCIDs carry the region; global ones (IAM) do not
     * @param adScoped    whether it lives in an availability domain
     * @param liveState   lifecycleState while it exists
     * @param altState    the other state an update may toggle to (instances stop), or null
     * @param deadState   lifecycleState once deleted (TERMINATED or DELETED)
     * @param service     Audit {@code source} and the service part of its eventType
     * @param path        the REST collection path
     * @param noun        the operation noun: Create{noun}, Update{noun}, Change{noun}Compartment, Delete{noun}
     * @param slots       weight in the type mix, out of 100
     * @param movable     whether it can change compartment
     */
    record Type(String name, String ocidType, OcidForm form, boolean adScoped, String liveState, String altState,
                String deadState, String service, String path, String noun, int slots, boolean movable) {

        String createOp() {
            return switch (name) {
                case "Instance" -> "LaunchInstance";
                default -> "Create" + noun;
            };
        }

        String updateOp() {
            return "Update" + noun;
        }

        /**
         * Whether the simulator serves a full-resource view of this type beyond Search (policy statements,
         * security rules, bucket settings): the types ocidiff enriches.
         */
        boolean detailed() {
            return name.equals("Policy") || name.equals("SecurityList") || name.equals("NetworkSecurityGroup")
                    || name.equals("Bucket");
        }

        /** The operation of an update that changes the detailed view (rules, statements, settings). */
        String configOp() {
            return name.equals("NetworkSecurityGroup") ? "UpdateNetworkSecurityGroupSecurityRules" : updateOp();
        }

        String moveOp() {
            return name.equals("Bucket") ? "UpdateBucket" : "Change" + noun + "Compartment";
        }

        String deleteOp() {
            return switch (name) {
                case "Instance" -> "TerminateInstance";
                case "Vault" -> "ScheduleVaultDeletion";
                default -> "Delete" + noun;
            };
        }

        String getOp() {
            return "Get" + noun;
        }

        String listOp() {
            boolean consonantY = noun.endsWith("y") && "aeiou".indexOf(noun.charAt(noun.length() - 2)) < 0;
            return consonantY ? "List" + noun.substring(0, noun.length() - 1) + "ies" : "List" + noun + "s";
        }

        String eventType(String operation) {
            if (service.equals("ObjectStorage")) {
                return "com.oraclecloud.objectstorage." + operation.toLowerCase(Locale.ROOT);
            }
            return "com.oraclecloud." + service + "." + operation;
        }
    }

    static final List<Type> TYPES = List.of(
            new Type("Instance", "instance", OcidForm.REGIONAL, true, "RUNNING", "STOPPED", "TERMINATED",
                    "ComputeApi", "/20160918/instances", "Instance", 14, true),
            new Type("BootVolume", "bootvolume", OcidForm.REGIONAL, true, "AVAILABLE", null, "TERMINATED",
                    "BlockVolumes", "/20160918/bootVolumes", "BootVolume", 12, true),
            new Type("Volume", "volume", OcidForm.REGIONAL, true, "AVAILABLE", null, "TERMINATED",
                    "BlockVolumes", "/20160918/volumes", "Volume", 11, true),
            new Type("VolumeBackup", "volumebackup", OcidForm.REGIONAL, false, "AVAILABLE", null, "TERMINATED",
                    "BlockVolumes", "/20160918/volumeBackups", "VolumeBackup", 6, true),
            new Type("Vcn", "vcn", OcidForm.REGIONAL, false, "AVAILABLE", null, "TERMINATED",
                    "VirtualNetworkApi", "/20160918/vcns", "Vcn", 3, true),
            new Type("Subnet", "subnet", OcidForm.REGIONAL, false, "AVAILABLE", null, "TERMINATED",
                    "VirtualNetworkApi", "/20160918/subnets", "Subnet", 8, true),
            new Type("SecurityList", "securitylist", OcidForm.REGIONAL, false, "AVAILABLE", null, "TERMINATED",
                    "VirtualNetworkApi", "/20160918/securityLists", "SecurityList", 6, true),
            new Type("NetworkSecurityGroup", "networksecuritygroup", OcidForm.REGIONAL, false, "AVAILABLE", null,
                    "TERMINATED", "VirtualNetworkApi", "/20160918/networkSecurityGroups", "NetworkSecurityGroup", 6,
                    true),
            new Type("RouteTable", "routetable", OcidForm.REGIONAL, false, "AVAILABLE", null, "TERMINATED",
                    "VirtualNetworkApi", "/20160918/routeTables", "RouteTable", 5, true),
            new Type("InternetGateway", "internetgateway", OcidForm.REGIONAL, false, "AVAILABLE", null, "TERMINATED",
                    "VirtualNetworkApi", "/20160918/internetGateways", "InternetGateway", 2, true),
            new Type("NatGateway", "natgateway", OcidForm.REGIONAL, false, "AVAILABLE", null, "TERMINATED",
                    "VirtualNetworkApi", "/20160918/natGateways", "NatGateway", 2, true),
            new Type("Drg", "drg", OcidForm.REGIONAL, false, "AVAILABLE", null, "TERMINATED",
                    "VirtualNetworkApi", "/20160918/drgs", "Drg", 1, true),
            new Type("Bucket", "bucket", OcidForm.REGIONAL, false, "ACTIVE", null, "DELETED",
                    "ObjectStorage", "/n/{namespace}/b", "Bucket", 8, true),
            new Type("LoadBalancer", "loadbalancer", OcidForm.REGIONAL, false, "ACTIVE", null, "DELETED",
                    "LoadBalancerApi", "/20170115/loadBalancers", "LoadBalancer", 3, true),
            new Type("AutonomousDatabase", "autonomousdatabase", OcidForm.REGIONAL, false, "AVAILABLE", "STOPPED",
                    "TERMINATED", "DatabaseService", "/20160918/autonomousDatabases", "AutonomousDatabase", 3, true),
            new Type("Policy", "policy", OcidForm.GLOBAL, false, "ACTIVE", null, "DELETED",
                    "identityControlPlane", "/20160918/policies", "Policy", 5, false),
            new Type("Image", "image", OcidForm.REGIONAL, false, "AVAILABLE", null, "DELETED",
                    "ComputeApi", "/20160918/images", "Image", 2, true),
            new Type("FileSystem", "filesystem", OcidForm.REGIONAL, true, "ACTIVE", null, "DELETED",
                    "FileStorage", "/20171215/fileSystems", "FileSystem", 2, true),
            new Type("Vault", "vault", OcidForm.REGIONAL, false, "ACTIVE", null, "DELETED",
                    "KeyManagementService", "/20180608/vaults", "Vault", 1, true));

    static final int INSTANCE = 0;
    static final int VOLUME = 2;
    static final int BUCKET = indexOf("Bucket");
    static final int POLICY = indexOf("Policy");
    static final int VCN = indexOf("Vcn");
    static final int SECURITY_LIST = indexOf("SecurityList");
    static final int NSG = indexOf("NetworkSecurityGroup");

    static int indexOf(String typeName) {
        for (int i = 0; i < TYPES.size(); i++) {
            if (TYPES.get(i).name().equalsIgnoreCase(typeName)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The 100-slot type mix of a region: the home region holds the IAM policies, other regions give their
     * slots to compute, block storage and buckets (policies are global and Search lists them once).
     */
    static List<Integer> slots(boolean home) {
        List<Integer> slots = new ArrayList<>(100);
        for (int t = 0; t < TYPES.size(); t++) {
            int n = TYPES.get(t).slots();
            if (!home && t == POLICY) {
                continue;
            }
            if (!home && t == INSTANCE) {
                n += 2;
            }
            if (!home && t == VOLUME) {
                n += 2;
            }
            if (!home && t == BUCKET) {
                n += 1;
            }
            for (int i = 0; i < n; i++) {
                slots.add(t);
            }
        }
        if (slots.size() != 100) {
            throw new IllegalStateException("type mix must have 100 slots, has " + slots.size());
        }
        return slots;
    }

    static final String[][] COMPARTMENT_NAMES = {
            {"prod", "dev", "shared", "test", "staging", "sandbox", "security", "dr", "qa", "perf"},
            {"network", "app", "data", "ops", "web", "analytics", "identity", "backup", "integration", "ml"},
            {"frontend", "api", "batch", "etl", "db", "cache", "mq", "reports", "search", "streaming"},
            {"payments", "billing", "auth", "mobile", "catalog", "orders", "inventory", "crm", "hr", "finance"}};

    static final String[] COMPARTMENT_PURPOSE = {
            "Production workloads", "Development and experiments", "Shared services", "Test environments",
            "Pre-production staging", "Personal sandboxes", "Security tooling and audit", "Disaster recovery",
            "Quality assurance", "Performance testing"};

    static final String[] APPS = {"web", "api", "batch", "etl", "auth", "billing", "search", "cache",
            "reports", "portal", "orders", "catalog", "payments", "mobile", "ingest", "gateway"};

    static final String[] TEAMS = {"platform", "payments", "data", "web", "security", "sre", "mobile",
            "analytics"};

    static final int COST_CENTERS = 24;
}
