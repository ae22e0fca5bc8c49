namespace HomelabGate.Core.Diagnostics;

/// <summary>Stable codes, grouped by stage: HG1xxx reading the file, HG2xxx schema, HG3xxx rules, HG4xxx not yet served.</summary>
public static class DiagnosticCodes
{
    public const string FileNotFound = "HG1001";
    public const string PathIsDirectory = "HG1002";
    public const string FileTooLarge = "HG1003";
    public const string InvalidUtf8 = "HG1004";
    public const string YamlSyntax = "HG1005";
    public const string AliasExpansionLimit = "HG1006";
    public const string DuplicateKey = "HG1007";
    public const string EmptyDocument = "HG1008";
    public const string FileUnreadable = "HG1009";
    public const string MultipleDocuments = "HG1010";
    public const string NestingTooDeep = "HG1011";
    public const string InvalidAlias = "HG1012";
    public const string ComplexKey = "HG1013";
    public const string ControlCharacter = "HG1014";
    public const string UnsupportedEncoding = "HG1015";

    /// <summary>A bug in HomelabGate, not in the manifest: a stage failed unexpectedly. The fuzzing harness counts these.</summary>
    public const string InternalError = "HG1099";

    public const string SchemaOther = "HG2000";
    public const string UnknownKey = "HG2001";
    public const string WrongType = "HG2002";
    public const string MissingKey = "HG2003";
    public const string ValueNotAllowed = "HG2004";
    public const string BadFormat = "HG2005";
    public const string OutOfRange = "HG2006";

    public const string UnknownReference = "HG3001";
    public const string DuplicateDomain = "HG3002";
    public const string InvalidHostName = "HG3003";
    public const string InvalidUrl = "HG3004";
    public const string InvalidAddress = "HG3005";
    public const string InvalidCidr = "HG3006";
    public const string InlineSecret = "HG3007";
    public const string HostAction = "HG3008";
    public const string InvalidDnsRecord = "HG3009";
    public const string InvalidHeader = "HG3010";
    public const string UnsupportedVersion = "HG3011";
    public const string DuplicateDnsRecord = "HG3012";
    public const string TlsSettings = "HG3013";
    public const string AdminWithoutToken = "HG3014";
    public const string TargetsAdmin = "HG3015";
    public const string MulticastDnsName = "HG3016";
    public const string OutsideNameConstraints = "HG3017";
    public const string Dns01Settings = "HG3018";
    public const string ClusterSettings = "HG3020";
    public const string ErrorPage = "HG3021";
    public const string LegacyPasswordHash = "HG3022";

    /// <summary>Reserved for parts of the manifest that are validated before their behaviour lands; none today.</summary>
    public const string NotYetServed = "HG4001";
}
