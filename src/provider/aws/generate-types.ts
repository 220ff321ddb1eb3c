// Generates src/provider/aws/types.json: the per-resource facts the test provider needs, read from
// the installed @pulumi/aws package (its .d.ts declarations, plus the token, secret-output and alias
// lines of the paired .js files, which the .d.ts files do not carry).
//
//   npm run build && node dist/src/provider/aws/generate-types.js [path/to/node_modules/@pulumi/aws]
//
// For every custom resource it records:
//   r   1 when the resource has a usable (non-deprecated) `region` input. pulumi-aws applies its region
//       PreCheckCallback to exactly these (provider/resource_metadata.go, HasUsableRegion = region in
//       the schema and not deprecated; pulumi/pulumi-aws@0c5f6583).
//   t   1 when the resource has a `tags` input and a `tagsAll` output (HasTagsAndTagsAll, same file).
//   pf  1 when the resource is served by the Plugin Framework half of the muxed provider (see PF below).
//   n   1 when `name` is an input (HasInputName, same file: setAutonaming applies to these).
//   p   the `<prefix>Prefix` inputs it has (namePrefix, bucketPrefix...), which ConflictsWith the name.
//   c   computed outputs: output properties typed without `| undefined` that the user need not set
//       (outputs only, or optional inputs), with a kind letter: s string, n number, b boolean,
//       a array, m map, o object. tfgen types an output "required" when it is computed or required.
//   b   input properties that are Terraform blocks (a named input type, or an array of one): 0 for a
//       block with no blocks inside, else the 1-based index in `types` of the block's own block
//       properties. The SDKv2 bridge writes `__defaults` into every block object; PF resources get none.
//   s   secret outputs (the .js `additionalSecretOutputs`, which tfgen emits for schema secrets).
//   a   alias tokens (the .js `aliases`).
// and `types`: for every block type that has blocks inside, those properties, coded like `b`.
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";

// Which resources are Plugin Framework resources is not in the Node SDK. pulumi-aws records it in the
// "mux" dispatch table of provider/cmd/pulumi-resource-aws/runtime-bridge-metadata.json (0 = SDKv2,
// 1 = PF). The only copy readable here is pulumi/pulumi-aws@00ba5ea53c25 (a v6-era table); these are
// the tokens it maps to 1. A resource with a `timeouts` input is also PF: SDKv2 timeouts never appear
// in the Pulumi schema, while Plugin Framework timeouts are an ordinary nested attribute.
const PF_TOKENS_00ba5ea5 = `
amp/scraper:Scraper appconfig/environment:Environment appfabric/appAuthorization:AppAuthorization
appfabric/appBundle:AppBundle apprunner/defaultAutoScalingConfigurationVersion:DefaultAutoScalingConfigurationVersion
apprunner/deployment:Deployment auditmanager/accountRegistration:AccountRegistration auditmanager/assessment:Assessment
auditmanager/assessmentDelegation:AssessmentDelegation auditmanager/assessmentReport:AssessmentReport
auditmanager/control:Control auditmanager/framework:Framework auditmanager/frameworkShare:FrameworkShare
auditmanager/organizationAdminAccountRegistration:OrganizationAdminAccountRegistration batch/jobQueue:JobQueue
bcmdata/export:Export bedrock/agentAgent:AgentAgent bedrock/agentAgentActionGroup:AgentAgentActionGroup
bedrock/agentAgentAlias:AgentAgentAlias bedrock/agentAgentKnowledgeBaseAssociation:AgentAgentKnowledgeBaseAssociation
bedrock/agentDataSource:AgentDataSource bedrock/agentKnowledgeBase:AgentKnowledgeBase bedrock/customModel:CustomModel
bedrock/provisionedModelThroughput:ProvisionedModelThroughput
bedrockmodel/invocationLoggingConfiguration:InvocationLoggingConfiguration cfg/retentionConfiguration:RetentionConfiguration
cloudfront/continuousDeploymentPolicy:ContinuousDeploymentPolicy cloudfront/keyValueStore:KeyValueStore
cloudfront/keyvaluestoreKey:KeyvaluestoreKey codeguruprofiler/profilingGroup:ProfilingGroup
cognito/managedUserPoolClient:ManagedUserPoolClient cognito/userPoolClient:UserPoolClient datazone/domain:Domain
datazone/environmentBlueprintConfiguration:EnvironmentBlueprintConfiguration devopsguru/eventSourcesConfig:EventSourcesConfig
devopsguru/notificationChannel:NotificationChannel devopsguru/resourceCollection:ResourceCollection
devopsguru/serviceIntegration:ServiceIntegration directoryservice/trust:Trust docdb/elasticCluster:ElasticCluster
drs/replicationConfigurationTemplate:ReplicationConfigurationTemplate dynamodb/resourcePolicy:ResourcePolicy
ebs/fastSnapshotRestore:FastSnapshotRestore ec2/capacityBlockReservation:CapacityBlockReservation
ec2/eipDomainName:EipDomainName ec2/instanceMetadataDefaults:InstanceMetadataDefaults
ec2transitgateway/instanceConnectEndpoint:InstanceConnectEndpoint eks/podIdentityAssociation:PodIdentityAssociation
elasticache/serverlessCache:ServerlessCache fms/resourceSet:ResourceSet
globalaccelerator/crossAccountAttachment:CrossAccountAttachment guardduty/malwareProtectionPlan:MalwareProtectionPlan
kinesis/resourcePolicy:ResourcePolicy lakeformation/dataCellsFilter:DataCellsFilter lakeformation/resourceLfTag:ResourceLfTag
lambda/runtimeManagementConfig:RuntimeManagementConfig lex/v2modelsBot:V2modelsBot lex/v2modelsBotLocale:V2modelsBotLocale
lex/v2modelsBotVersion:V2modelsBotVersion lex/v2modelsIntent:V2modelsIntent lex/v2modelsSlot:V2modelsSlot
lex/v2modelsSlotType:V2modelsSlotType m2/application:Application m2/deployment:Deployment m2/environment:Environment
medialive/multiplexProgram:MultiplexProgram opensearch/serverlessAccessPolicy:ServerlessAccessPolicy
opensearch/serverlessCollection:ServerlessCollection opensearch/serverlessLifecyclePolicy:ServerlessLifecyclePolicy
opensearch/serverlessSecurityConfig:ServerlessSecurityConfig opensearch/serverlessSecurityPolicy:ServerlessSecurityPolicy
opensearch/serverlessVpcEndpoint:ServerlessVpcEndpoint opensearchingest/pipeline:Pipeline paymentcryptography/key:Key
paymentcryptography/keyAlias:KeyAlias quicksight/folderMembership:FolderMembership
quicksight/iamPolicyAssignment:IamPolicyAssignment quicksight/ingestion:Ingestion quicksight/namespace:Namespace
quicksight/refreshSchedule:RefreshSchedule quicksight/templateAlias:TemplateAlias quicksight/vpcConnection:VpcConnection
rds/exportTask:ExportTask redshift/dataShareAuthorization:DataShareAuthorization
redshift/dataShareConsumerAssociation:DataShareConsumerAssociation redshift/logging:Logging redshift/snapshotCopy:SnapshotCopy
redshiftserverless/customDomainAssociation:CustomDomainAssociation rekognition/collection:Collection
rekognition/project:Project resourceexplorer/index:Index resourceexplorer/view:View route53/cidrCollection:CidrCollection
route53/cidrLocation:CidrLocation route53domains/delegationSignerRecord:DelegationSignerRecord s3/directoryBucket:DirectoryBucket
s3control/accessGrant:AccessGrant s3control/accessGrantsInstance:AccessGrantsInstance
s3control/accessGrantsInstanceResourcePolicy:AccessGrantsInstanceResourcePolicy s3control/accessGrantsLocation:AccessGrantsLocation
securityhub/automationRule:AutomationRule securitylake/awsLogSource:AwsLogSource securitylake/customLogSource:CustomLogSource
securitylake/dataLake:DataLake securitylake/subscriber:Subscriber securitylake/subscriberNotification:SubscriberNotification
servicecatalog/appregistryApplication:AppregistryApplication servicequotas/template:Template
servicequotas/templateAssociation:TemplateAssociation shield/applicationLayerAutomaticResponse:ApplicationLayerAutomaticResponse
shield/drtAccessLogBucketAssociation:DrtAccessLogBucketAssociation shield/drtAccessRoleArnAssociation:DrtAccessRoleArnAssociation
shield/proactiveEngagement:ProactiveEngagement simpledb/domain:Domain ssm/contactsRotation:ContactsRotation
ssoadmin/application:Application ssoadmin/applicationAccessScope:ApplicationAccessScope
ssoadmin/applicationAssignment:ApplicationAssignment ssoadmin/applicationAssignmentConfiguration:ApplicationAssignmentConfiguration
ssoadmin/trustedTokenIssuer:TrustedTokenIssuer verifiedpermissions/policy:Policy verifiedpermissions/policyStore:PolicyStore
verifiedpermissions/policyTemplate:PolicyTemplate verifiedpermissions/schema:Schema vpc/endpointPrivateDns:EndpointPrivateDns
vpc/endpointServicePrivateDnsVerification:EndpointServicePrivateDnsVerification
vpc/securityGroupEgressRule:SecurityGroupEgressRule vpc/securityGroupIngressRule:SecurityGroupIngressRule
workspaces/connectionAlias:ConnectionAlias
`
    .split(/\s+/)
    .filter(Boolean)
    .map((t) => `aws:${t}`);

export type Kind = "s" | "n" | "b" | "a" | "m" | "o";

export interface ResourceFacts {
    r?: 1;
    t?: 1;
    pf?: 1;
    n?: 1;
    p?: string[];
    c?: Record<string, Kind>;
    b?: Record<string, number>;
    s?: string[];
    a?: string[];
}

export interface TypesFile {
    source: { package: string; version: string; generator: string; pfTable: string };
    /** Provider configuration keys (ProviderArgs) and their kinds: the bridge's ConfigEncoding
     * JSON-decodes and -encodes every known key that is not a string (tfbridge/config_encoding.go). */
    config: Record<string, Kind>;
    resources: Record<string, ResourceFacts>;
    types: Record<string, number>[];
}

/** What a declared property type is, after unwrapping pulumi.Input/Output and dropping undefined. */
interface TypeInfo {
    kind: Kind | "asset";
    optional: boolean;
    /** For a block: "s3.BucketVersioning" or "s3.BucketCorsRule[]". */
    block?: string;
}

function unwrap(node: ts.TypeNode): ts.TypeNode {
    if (ts.isParenthesizedTypeNode(node)) return unwrap(node.type);
    if (ts.isTypeReferenceNode(node)) {
        const name = node.typeName.getText();
        if ((name === "pulumi.Input" || name === "pulumi.Output") && node.typeArguments?.length === 1) {
            return unwrap(node.typeArguments[0]!);
        }
    }
    return node;
}

function classify(raw: ts.TypeNode): TypeInfo {
    const node = unwrap(raw);
    const members = ts.isUnionTypeNode(node) ? node.types.map(unwrap) : [node];
    const optional = members.some((m) => m.kind === ts.SyntaxKind.UndefinedKeyword);
    const rest = members.filter((m) => m.kind !== ts.SyntaxKind.UndefinedKeyword);
    const kinds = rest.map(kindOf);
    // A string alternative wins: tfgen gives JSON-document fields (policy) `string | PolicyDocument`.
    if (kinds.some((k) => k.kind === "s")) return { kind: "s", optional };
    const first = kinds[0] ?? { kind: "s" as const };
    return { ...first, optional };
}

function kindOf(node: ts.TypeNode): { kind: Kind | "asset"; block?: string } {
    switch (node.kind) {
        case ts.SyntaxKind.StringKeyword:
        case ts.SyntaxKind.LiteralType:
            return { kind: "s" };
        case ts.SyntaxKind.NumberKeyword:
            return { kind: "n" };
        case ts.SyntaxKind.BooleanKeyword:
            return { kind: "b" };
    }
    if (ts.isArrayTypeNode(node)) {
        const elem = kindOf(unwrap(node.elementType));
        return elem.kind === "o" && elem.block ? { kind: "a", block: `${elem.block}[]` } : { kind: "a" };
    }
    if (ts.isTypeLiteralNode(node)) return { kind: "m" };
    if (ts.isTypeReferenceNode(node)) {
        const name = node.typeName.getText();
        if (name.startsWith("enums.")) return { kind: "s" };
        if (name.startsWith("pulumi.asset.")) return { kind: "asset" };
        const m = /^(?:inputs|outputs)\.(.+)$/.exec(name);
        if (m) return { kind: "o", block: m[1] };
    }
    return { kind: "s" };
}

function isDeprecated(node: ts.Node): boolean {
    return ts.getJSDocTags(node).some((t) => t.tagName.text === "deprecated");
}

interface Prop {
    name: string;
    info: TypeInfo;
    deprecated: boolean;
}

function propsOf(members: ts.NodeArray<ts.TypeElement | ts.ClassElement>): Prop[] {
    const out: Prop[] = [];
    for (const m of members) {
        if (!(ts.isPropertySignature(m) || ts.isPropertyDeclaration(m)) || !m.type) continue;
        if (ts.isPropertyDeclaration(m) && m.modifiers?.some((x) => x.kind === ts.SyntaxKind.StaticKeyword)) continue;
        const name = m.name.getText();
        const info = classify(m.type);
        if (m.questionToken) info.optional = true;
        out.push({ name, info, deprecated: isDeprecated(m) });
    }
    return out;
}

function listJsStrings(js: string, re: RegExp): string[] {
    const m = re.exec(js);
    if (!m) return [];
    return [...m[1]!.matchAll(/"([^"]+)"/g)].map((x) => x[1]!);
}

/** Input types: "s3.BucketVersioning" -> its property list, from types/input.d.ts. */
function readInputTypes(file: string): Map<string, Prop[]> {
    const src = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
    const out = new Map<string, Prop[]>();
    const visit = (node: ts.Node, ns: string[]) => {
        if (ts.isModuleDeclaration(node) && node.body) {
            const inner = [...ns, node.name.getText()];
            if (ts.isModuleBlock(node.body)) node.body.statements.forEach((s) => visit(s, inner));
            else visit(node.body, inner);
            return;
        }
        if (ts.isInterfaceDeclaration(node)) {
            out.set([...ns, node.name.text].join("."), propsOf(node.members));
        }
    };
    src.statements.forEach((s) => visit(s, []));
    return out;
}

export function generate(pkgDir: string): TypesFile {
    const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, "package.json"), "utf8")) as { name: string; version: string };
    const inputTypes = readInputTypes(path.join(pkgDir, "types", "input.d.ts"));
    const pf = new Set(PF_TOKENS_00ba5ea5);
    const resources: Record<string, ResourceFacts> = {};
    // Block types with blocks inside get an id (their 1-based index in `types`); leaf blocks are 0.
    const types: Record<string, number>[] = [];
    const ids = new Map<string, number>();
    const blockId = (ref: string): number => {
        const name = ref.replace(/\[\]$/, "");
        const known = ids.get(name);
        if (known !== undefined) return known;
        const children = (inputTypes.get(name) ?? []).filter((p) => p.info.block);
        if (children.length === 0) {
            ids.set(name, 0);
            return 0;
        }
        const nested: Record<string, number> = {};
        types.push(nested);
        const id = types.length;
        ids.set(name, id); // set before recursing: input types can be recursive
        for (const c of children) nested[c.name] = blockId(c.info.block!);
        return id;
    };

    const dirs = fs
        .readdirSync(pkgDir, { withFileTypes: true })
        .filter((d) => d.isDirectory() && !["types", "config", "node_modules", "scripts"].includes(d.name))
        .map((d) => d.name)
        .concat("."); // the index module's resources live at the top level
    for (const dir of dirs.sort()) {
        const full = path.join(pkgDir, dir);
        for (const f of fs
            .readdirSync(full)
            .filter((x) => x.endsWith(".d.ts"))
            .sort()) {
            const jsFile = path.join(full, f.replace(/\.d\.ts$/, ".js"));
            if (!fs.existsSync(jsFile)) continue;
            const js = fs.readFileSync(jsFile, "utf8");
            const tok = /static __pulumiType = '([^']+)'/.exec(js)?.[1];
            if (!tok || !tok.startsWith("aws:")) continue; // skips pulumi:providers:aws and non-resources
            const dts = ts.createSourceFile(f, fs.readFileSync(path.join(full, f), "utf8"), ts.ScriptTarget.Latest, true);
            let cls: ts.ClassDeclaration | undefined;
            let args: ts.InterfaceDeclaration | undefined;
            for (const s of dts.statements) {
                if (ts.isClassDeclaration(s) && s.heritageClauses?.some((h) => h.getText().includes("pulumi.CustomResource"))) cls = s;
            }
            if (!cls?.name) continue;
            for (const s of dts.statements) {
                if (ts.isInterfaceDeclaration(s) && s.name.text === `${cls.name.text}Args`) args = s;
            }
            const outputs = propsOf(cls.members).filter((p) => p.name !== "id" && p.name !== "urn");
            const ins = args ? propsOf(args.members) : [];
            const inByName = new Map(ins.map((p) => [p.name, p]));
            const facts: ResourceFacts = {};
            const region = inByName.get("region");
            if (region && !region.deprecated) facts.r = 1;
            if (inByName.has("tags") && outputs.some((o) => o.name === "tagsAll")) facts.t = 1;
            if (pf.has(tok) || inByName.has("timeouts")) facts.pf = 1;
            if (inByName.has("name")) facts.n = 1;
            const prefixes = ins.filter((p) => p.name.endsWith("Prefix") && p.info.kind === "s").map((p) => p.name);
            if (prefixes.length) facts.p = prefixes;
            const computed: Record<string, Kind> = {};
            for (const o of outputs) {
                const i = inByName.get(o.name);
                if (o.info.optional || (i && !i.info.optional)) continue;
                computed[o.name] = o.info.kind === "asset" ? "o" : o.info.kind;
            }
            if (Object.keys(computed).length) facts.c = computed;
            if (!facts.pf) {
                const blocks: Record<string, number> = {};
                for (const i of ins) if (i.info.block) blocks[i.name] = blockId(i.info.block);
                if (Object.keys(blocks).length) facts.b = blocks;
            }
            const secrets = listJsStrings(js, /additionalSecretOutputs: \[([^\]]*)\]/);
            if (secrets.length) facts.s = secrets;
            const aliases = [...new Set(listJsStrings(js, /aliases: \[(.*)\] \};/))];
            if (aliases.length) facts.a = aliases;
            resources[tok] = facts;
        }
    }

    const providerDts = ts.createSourceFile("provider.d.ts", fs.readFileSync(path.join(pkgDir, "provider.d.ts"), "utf8"), ts.ScriptTarget.Latest, true);
    const config: Record<string, Kind> = {};
    for (const s of providerDts.statements) {
        if (ts.isInterfaceDeclaration(s) && s.name.text === "ProviderArgs") {
            for (const p of propsOf(s.members)) config[p.name] = p.info.kind === "asset" ? "o" : p.info.kind;
        }
    }
    const sortedResources = Object.fromEntries(Object.entries(resources).sort(([a], [b]) => (a < b ? -1 : 1)));
    return {
        source: {
            package: pkg.name,
            version: pkg.version,
            generator: "src/provider/aws/generate-types.ts",
            pfTable: "pulumi/pulumi-aws@00ba5ea53c2548fd367776345b7c52f191ce1372 provider/cmd/pulumi-resource-aws/runtime-bridge-metadata.json (mux)",
        },
        config,
        resources: sortedResources,
        types,
    };
}

/** One line per resource and per type, so that diffs of the data file stay readable. */
export function render(t: TypesFile): string {
    const lines = (o: Record<string, unknown>) =>
        Object.entries(o)
            .map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`)
            .join(",\n");
    const types = t.types.map((x) => `    ${JSON.stringify(x)}`).join(",\n");
    return `{\n  "source": ${JSON.stringify(t.source)},\n  "config": ${JSON.stringify(t.config)},\n  "resources": {\n${lines(t.resources)}\n  },\n  "types": [\n${types}\n  ]\n}\n`;
}

if (require.main === module) {
    const root = path.resolve(__dirname, "../../../..");
    const pkgDir = process.argv[2] ?? path.join(root, "node_modules/@pulumi/aws");
    const out = path.join(root, "src/provider/aws/types.json");
    const t = generate(pkgDir);
    fs.writeFileSync(out, render(t));
    console.log(`wrote ${out}: ${Object.keys(t.resources).length} resources, ${t.types.length} block types from ${t.source.package}@${t.source.version}`);
}
