using System.Security.Cryptography;

namespace HomelabGate.Certificates.LocalCa;

/// <summary>Random serials (CA/B Forum asks for at least 64 bits; we use 128) so serials never repeat across CA rebuilds.</summary>
public static class SerialNumbers
{
    public static byte[] NewRandom()
    {
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] |= 0x01; // no leading zero byte, so the encoded serial always carries the full 128 bits
        return serial;
    }
}
