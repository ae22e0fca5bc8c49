using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Xml;

namespace HomelabGate.Certificates.Export;

/// <summary>
/// An iOS/macOS configuration profile installing the root (payload type com.apple.security.root).
/// UUIDs and identifiers derive from the root's fingerprint, so exporting twice gives the same profile and
/// re-installing replaces rather than duplicates it. Unsigned: iOS shows "Not Verified", which is expected.
/// </summary>
public sealed class MobileConfigWriter
{
    public string Write(X509Certificate2 root)
    {
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(root.RawData));
        var identifier = $"dev.homelabgate.root.{fingerprint[..16]}";
        var commonName = root.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        var builder = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) };
        using (var xml = XmlWriter.Create(builder, settings))
        {
            xml.WriteStartDocument();
            xml.WriteDocType("plist", "-//Apple//DTD PLIST 1.0//EN", "http://www.apple.com/DTDs/PropertyList-1.0.dtd", null);
            xml.WriteStartElement("plist");
            xml.WriteAttributeString("version", "1.0");
            xml.WriteStartElement("dict");
            xml.WriteElementString("key", "PayloadContent");
            xml.WriteStartElement("array");
            xml.WriteStartElement("dict");
            Entry(xml, "PayloadCertificateFileName", "homelabgate-root.cer");
            xml.WriteElementString("key", "PayloadContent");
            xml.WriteElementString("data", Convert.ToBase64String(root.RawData));
            Entry(xml, "PayloadDescription", "Adds the HomelabGate root CA so devices trust this homelab's certificates.");
            Entry(xml, "PayloadDisplayName", commonName);
            Entry(xml, "PayloadIdentifier", identifier + ".certificate");
            Entry(xml, "PayloadType", "com.apple.security.root");
            Entry(xml, "PayloadUUID", StableUuid(fingerprint, "certificate"));
            Version(xml);
            xml.WriteEndElement();
            xml.WriteEndElement();
            Entry(xml, "PayloadDisplayName", $"HomelabGate: {commonName}");
            Entry(xml, "PayloadIdentifier", identifier);
            xml.WriteElementString("key", "PayloadRemovalDisallowed");
            xml.WriteElementString("false", null);
            Entry(xml, "PayloadType", "Configuration");
            Entry(xml, "PayloadUUID", StableUuid(fingerprint, "profile"));
            Version(xml);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        return builder.ToString().Replace("encoding=\"utf-16\"", "encoding=\"UTF-8\"") + "\n";
    }

    /// <summary>An RFC 9562 version-8 (custom) UUID from SHA-256 of the fingerprint and a purpose.</summary>
    public static string StableUuid(string fingerprint, string purpose)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{fingerprint}/{purpose}"))[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString("D").ToUpperInvariant();
    }

    private static void Entry(XmlWriter xml, string key, string value)
    {
        xml.WriteElementString("key", key);
        xml.WriteElementString("string", value);
    }

    private static void Version(XmlWriter xml)
    {
        xml.WriteElementString("key", "PayloadVersion");
        xml.WriteElementString("integer", "1");
    }
}
