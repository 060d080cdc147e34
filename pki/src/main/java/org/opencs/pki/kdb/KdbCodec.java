package org.opencs.pki.kdb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERVisibleString;
import org.opencs.pki.KeyDbException;

/**
 * Reads and writes IBM GSKit CMS key database files (.kdb, .rdb) byte for byte as
 * {@code shared/reference/gskit-kdb.md} specifies: a header with two HMACs keyed by the password, then one record per
 * fixed-size slot.
 */
public final class KdbCodec {
    private static final int MAGIC_0 = 0x37;
    private static final int MAGIC_1 = 0x48;
    private static final int FIXED_HEADER = 0x30;
    private static final int MAX_SLOT_SIZE = 16 * 1024 * 1024;
    private static final int SLOT_PREFIX = 12;
    private static final int TRAILER_BYTES = 4 + 5 * 24;

    private KdbCodec() {
    }

    /** True when the bytes start like a CMS key database (magic 37 48). */
    public static boolean looksLikeKdb(byte[] data) {
        return data.length >= 2 && (data[0] & 0xFF) == MAGIC_0 && (data[1] & 0xFF) == MAGIC_1;
    }

    public static KdbImage read(byte[] data, char[] password, String fileName) {
        if (data.length < 0x10 || !looksLikeKdb(data)) {
            throw KeyDbException.corrupt(fileName, "it is not a key database (no 37 48 header)");
        }
        int version = data[2] & 0xFF;
        if (version != KdbImage.VERSION_6 && version != KdbImage.VERSION_4) {
            throw KeyDbException.corrupt(fileName, "format version " + version + " is not supported");
        }
        ContainerKind kind = ContainerKind.fromTag(data, 0x08);
        if (kind == null) {
            throw KeyDbException.corrupt(fileName, "the type tag is not X509KEY, X509KYP or X509CRL");
        }
        int macLength = macLength(version);
        int headerLength = FIXED_HEADER + 2 * macLength;
        if (data.length < headerLength) {
            throw KeyDbException.corrupt(fileName, "the header is truncated");
        }
        ByteBuffer buffer = ByteBuffer.wrap(data);
        long slotSize = Integer.toUnsignedLong(buffer.getInt(0x10));
        long count = Integer.toUnsignedLong(buffer.getInt(0x14));
        if (slotSize == 0 || slotSize > MAX_SLOT_SIZE) {
            throw KeyDbException.corrupt(fileName, "record length " + slotSize + " is not valid");
        }
        long slotsEnd = headerLength + count * slotSize;
        if (slotsEnd > data.length) {
            throw KeyDbException.corrupt(fileName, "the file is truncated (" + count + " records of " + slotSize
                    + " bytes need " + slotsEnd + " bytes, the file has " + data.length + ")");
        }
        byte[] key = macKey(password);
        String algorithm = macAlgorithm(version);
        byte[] verifier = hmac(algorithm, key, data, 0, FIXED_HEADER, null, 0, 0);
        if (!MessageDigest.isEqual(verifier, slice(data, FIXED_HEADER, macLength))) {
            throw KeyDbException.wrongPassword(fileName);
        }
        byte[] integrity = hmac(algorithm, key, data, 0, FIXED_HEADER + macLength,
                data, headerLength, (int) (slotsEnd - headerLength));
        if (!MessageDigest.isEqual(integrity, slice(data, FIXED_HEADER + macLength, macLength))) {
            throw KeyDbException.corrupt(fileName, "its integrity check (MAC) does not match its content");
        }
        List<KdbRecord> records = new ArrayList<>((int) count);
        for (int i = 0; i < count; i++) {
            int offset = (int) (headerLength + i * slotSize);
            records.add(readSlot(data, offset, (int) slotSize, fileName, i + 1));
        }
        byte[] salt = slice(data, 0x18, KdbImage.SALT_LENGTH);
        return new KdbImage(version, kind, (int) slotSize, salt, records);
    }

    private static KdbRecord readSlot(byte[] data, int offset, int slotSize, String fileName, int number) {
        ByteBuffer slot = ByteBuffer.wrap(data, offset, slotSize).slice();
        try {
            slot.getInt(); // record type: 1 on every GSKit record
            slot.getInt(); // record number: the slot position, renumbered on write
            int derLength = slot.getInt();
            if (derLength <= 0 || derLength > slot.remaining()) {
                throw KeyDbException.corrupt(fileName, "record " + number + " has a bad length");
            }
            byte[] der = new byte[derLength];
            slot.get(der);
            int labelLength = slot.getInt();
            if (labelLength < 0 || labelLength > slot.remaining()) {
                throw KeyDbException.corrupt(fileName, "record " + number + " has a bad label length");
            }
            byte[] labelBytes = new byte[labelLength];
            slot.get(labelBytes);
            return decodeRecordDer(der, stripNuls(labelBytes), fileName, number);
        } catch (java.nio.BufferUnderflowException e) {
            throw KeyDbException.corrupt(fileName, "record " + number + " is truncated");
        }
    }

    private static KdbRecord decodeRecordDer(byte[] der, String slotLabel, String fileName, int number) {
        try {
            ASN1Sequence seq = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(der));
            ASN1TaggedObject tagged = ASN1TaggedObject.getInstance(seq.getObjectAt(1));
            ASN1Primitive inner = tagged.getExplicitBaseObject().toASN1Primitive();
            RecordContent content = switch (tagged.getTagNo()) {
                case 0 -> {
                    ASN1Sequence pair = ASN1Sequence.getInstance(inner);
                    yield new RecordContent.Request(encode(pair.getObjectAt(0).toASN1Primitive()),
                            encode(pair.getObjectAt(1).toASN1Primitive()));
                }
                case 1 -> new RecordContent.Signer(encode(inner));
                case 2 -> {
                    ASN1Sequence pair = ASN1Sequence.getInstance(inner);
                    yield new RecordContent.Personal(encode(pair.getObjectAt(0).toASN1Primitive()),
                            encode(pair.getObjectAt(1).toASN1Primitive()));
                }
                case 3 -> new RecordContent.Secret(encode(inner));
                default -> throw KeyDbException.corrupt(fileName,
                        "record " + number + " has unknown content tag [" + tagged.getTagNo() + "]");
            };
            String label = slotLabel;
            KdbFlags flags = KdbFlags.TRUSTED;
            for (int i = 2; i < seq.size(); i++) {
                ASN1Primitive element = seq.getObjectAt(i).toASN1Primitive();
                if (element instanceof ASN1BitString bits) {
                    flags = KdbFlags.decode(bits);
                } else if (element instanceof ASN1String text && label.isEmpty()) {
                    label = text.getString();
                }
            }
            return new KdbRecord(label, content, flags);
        } catch (IOException | IllegalArgumentException | IllegalStateException | ClassCastException e) {
            throw KeyDbException.corrupt(fileName, "record " + number + " does not parse as DER");
        }
    }

    /** Encodes the image with the password; the record numbers are renumbered 1..N in slot order. */
    public static byte[] write(KdbImage image, char[] password) {
        int macLength = macLength(image.version());
        int headerLength = FIXED_HEADER + 2 * macLength;
        List<byte[]> bodies = new ArrayList<>(image.records().size());
        int slotSize = image.slotSize();
        for (int i = 0; i < image.records().size(); i++) {
            byte[] body = slotBody(image.records().get(i), i + 1);
            bodies.add(body);
            slotSize = Math.max(slotSize, body.length);
        }
        int count = bodies.size();
        byte[] file = new byte[headerLength + count * slotSize];
        ByteBuffer buffer = ByteBuffer.wrap(file);
        buffer.put((byte) MAGIC_0).put((byte) MAGIC_1).put((byte) image.version()).put((byte) image.kind().kindByte());
        buffer.putInt(0);
        buffer.put(image.kind().tagBytes());
        buffer.putInt(slotSize);
        buffer.putInt(count);
        buffer.put(image.salt(), 0, KdbImage.SALT_LENGTH);
        for (int i = 0; i < count; i++) {
            byte[] body = bodies.get(i);
            System.arraycopy(body, 0, file, headerLength + i * slotSize, body.length);
        }
        byte[] key = macKey(password);
        String algorithm = macAlgorithm(image.version());
        byte[] verifier = hmac(algorithm, key, file, 0, FIXED_HEADER, null, 0, 0);
        System.arraycopy(verifier, 0, file, FIXED_HEADER, macLength);
        byte[] integrity = hmac(algorithm, key, file, 0, FIXED_HEADER + macLength, file, headerLength, count * slotSize);
        System.arraycopy(integrity, 0, file, FIXED_HEADER + macLength, macLength);
        return file;
    }

    /** The smallest record length (slot size) that holds this record. */
    public static int bytesNeeded(KdbRecord record) {
        return slotBody(record, 1).length;
    }

    /** The bytes of one slot before zero padding: type, number, DER, label, trailer word and hash items. */
    static byte[] slotBody(KdbRecord record, int number) {
        byte[] der = recordDer(record, number);
        byte[] label = record.label().getBytes(StandardCharsets.US_ASCII);
        byte[] certificate = record.content().certificateOrNull();
        List<byte[]> hashes = certificate == null ? List.of() : CertificateHashItems.of(certificate);
        ByteBuffer body = ByteBuffer.allocate(SLOT_PREFIX + der.length + 4 + label.length + TRAILER_BYTES);
        body.putInt(1).putInt(number).putInt(der.length).put(der);
        body.putInt(label.length).put(label);
        body.putInt(0);
        for (byte[] hash : hashes) {
            body.putInt(hash.length).put(hash);
        }
        byte[] result = new byte[body.position()];
        System.arraycopy(body.array(), 0, result, 0, result.length);
        return result;
    }

    static byte[] recordDer(KdbRecord record, int number) {
        try {
            RecordContent content = record.content();
            ASN1Primitive inner;
            if (content instanceof RecordContent.Request r) {
                inner = pair(r.certificationRequest(), r.encryptedPrivateKey());
            } else if (content instanceof RecordContent.Personal p) {
                inner = pair(p.certificate(), p.encryptedPrivateKey());
            } else if (content instanceof RecordContent.Signer s) {
                inner = ASN1Primitive.fromByteArray(s.certificate());
            } else {
                inner = ASN1Primitive.fromByteArray(((RecordContent.Secret) content).encryptedKey());
            }
            DERSequence seq = new DERSequence(new ASN1Encodable[] {
                    new ASN1Integer(number),
                    new DERTaggedObject(true, record.content().tag(), inner),
                    new DERVisibleString(record.label()),
                    record.flags().encode()});
            return seq.getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("record " + record.label() + " holds DER that does not parse", e);
        }
    }

    private static DERSequence pair(byte[] first, byte[] second) throws IOException {
        return new DERSequence(new ASN1Encodable[] {ASN1Primitive.fromByteArray(first), ASN1Primitive.fromByteArray(second)});
    }

    private static byte[] encode(ASN1Primitive primitive) throws IOException {
        return primitive.getEncoded(ASN1Encoding.DER);
    }

    private static int macLength(int version) {
        return version == KdbImage.VERSION_4 ? 20 : 48;
    }

    private static String macAlgorithm(int version) {
        return version == KdbImage.VERSION_4 ? "HmacSHA1" : "HmacSHA384";
    }

    /** The HMAC key is the password's UTF-8 bytes; an empty password is the one-byte key 00 (HMAC zero-pads). */
    private static byte[] macKey(char[] password) {
        byte[] bytes = new String(password).getBytes(StandardCharsets.UTF_8);
        return bytes.length == 0 ? new byte[1] : bytes;
    }

    private static byte[] hmac(String algorithm, byte[] key, byte[] a, int aOff, int aLen, byte[] b, int bOff, int bLen) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            mac.update(a, aOff, aLen);
            if (b != null && bLen > 0) {
                mac.update(b, bOff, bLen);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available in this JVM", e);
        }
    }

    private static byte[] slice(byte[] data, int offset, int length) {
        byte[] out = new byte[length];
        System.arraycopy(data, offset, out, 0, length);
        return out;
    }

    private static String stripNuls(byte[] label) {
        int end = label.length;
        while (end > 0 && label[end - 1] == 0) {
            end--;
        }
        return new String(label, 0, end, StandardCharsets.US_ASCII);
    }
}
