using System.Security.Cryptography;
using System.Text;

namespace HomelabGate.Cluster.Crypto;

/// <summary>How values sit in etcd: a one-byte format, then the bytes. Secrets are AES-256-GCM sealed with the cluster's
/// encryption key and a fresh 96-bit nonce; the key name is the associated data, so a sealed value copied under another
/// key does not open. Public values (certificates, metadata) stay readable for <c>etcdctl get</c>.</summary>
public sealed class StateCipher(byte[] key)
{
    private const byte Plain = 0;
    private const byte SealedV1 = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public byte[] Seal(string name, byte[] content, bool secret)
    {
        if (!secret)
        {
            return [Plain, .. content];
        }
        var output = new byte[1 + NonceSize + TagSize + content.Length];
        output[0] = SealedV1;
        var nonce = output.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, content, output.AsSpan(1 + NonceSize + TagSize), output.AsSpan(1 + NonceSize, TagSize), Encoding.UTF8.GetBytes(name));
        return output;
    }

    /// <exception cref="CryptographicException">Sealed with another key (or damaged).</exception>
    public byte[] Open(string name, ReadOnlySpan<byte> stored)
    {
        if (stored.Length == 0)
        {
            throw new CryptographicException("empty value");
        }
        switch (stored[0])
        {
            case Plain:
                return stored[1..].ToArray();
            case SealedV1 when stored.Length >= 1 + NonceSize + TagSize:
                var plain = new byte[stored.Length - 1 - NonceSize - TagSize];
                using (var aes = new AesGcm(key, TagSize))
                {
                    aes.Decrypt(stored.Slice(1, NonceSize), stored[(1 + NonceSize + TagSize)..], stored.Slice(1 + NonceSize, TagSize), plain, Encoding.UTF8.GetBytes(name));
                }
                return plain;
            default:
                throw new CryptographicException($"unknown value format {stored[0]}");
        }
    }

    public static bool IsSealed(ReadOnlySpan<byte> stored) => stored.Length > 0 && stored[0] == SealedV1;
}
