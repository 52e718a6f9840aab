package tw.ecpa.keycloak.dev.pki;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A catalogue card with its certificate and its PKCS#12 file, whose password is the card's PIN: opening
 * the file with a PIN is what "logging in to the card" means for the virtual reader.
 */
public final class IssuedCard {

    private static final String KEYSTORE_TYPE = "PKCS12";

    private final DemoCard card;
    private final CertificateAuthority issuer;
    private final X509Certificate certificate;
    private final byte[] pkcs12;

    IssuedCard(DemoCard card, CertificateAuthority issuer, X509Certificate certificate, byte[] pkcs12) {
        this.card = card;
        this.issuer = issuer;
        this.certificate = certificate;
        this.pkcs12 = pkcs12.clone();
    }

    /** Packs key and chain into a PKCS#12 file protected by the card's PIN. */
    static byte[] pkcs12(DemoCard card, PrivateKey key, List<X509Certificate> chain) throws GeneralSecurityException {
        try {
            KeyStore store = KeyStore.getInstance(KEYSTORE_TYPE);
            store.load(null, null);
            store.setKeyEntry(card.id(), key, card.pin().toCharArray(), chain.toArray(new X509Certificate[0]));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, card.pin().toCharArray());
            return out.toByteArray();
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot write the PKCS#12 file of " + card.id(), e);
        }
    }

    public DemoCard card() {
        return card;
    }

    public String id() {
        return card.id();
    }

    public CertificateAuthority issuer() {
        return issuer;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public BigInteger serialNumber() {
        return certificate.getSerialNumber();
    }

    /** The card's certificate, its issuing CA and that CA's root. */
    public List<X509Certificate> chain() {
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(certificate);
        chain.addAll(issuer.chain());
        return List.copyOf(chain);
    }

    /** The PKCS#12 file as stored in the PKI directory. */
    public byte[] pkcs12() {
        return pkcs12.clone();
    }

    /**
     * Opens the PKCS#12 file with {@code pin}: the key when the PIN is right, empty when it is wrong.
     * This is the card's PIN check; the wrong-PIN counter is the reader's business.
     */
    public Optional<PrivateKey> unlock(char[] pin) {
        try {
            KeyStore store = KeyStore.getInstance(KEYSTORE_TYPE);
            store.load(new ByteArrayInputStream(pkcs12), pin);
            return Optional.of((PrivateKey) store.getKey(card.id(), pin));
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                return Optional.empty();
            }
            throw new IllegalStateException("the PKCS#12 file of " + card.id() + " is unreadable", e);
        } catch (UnrecoverableKeyException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the PKCS#12 file of " + card.id() + " is unreadable", e);
        }
    }

    /** The private key, opened with the catalogue's PIN: for tests that sign without a reader. */
    public PrivateKey privateKey() {
        return unlock(card.pin().toCharArray())
                .orElseThrow(() -> new IllegalStateException("the PIN of " + card.id() + " does not open its file"));
    }

    /** Reads a card's PKCS#12 file back; the chain must start with the card's certificate. */
    static IssuedCard read(DemoCard card, CertificateAuthority issuer, byte[] pkcs12) throws GeneralSecurityException {
        try {
            KeyStore store = KeyStore.getInstance(KEYSTORE_TYPE);
            store.load(new ByteArrayInputStream(pkcs12), card.pin().toCharArray());
            Certificate[] chain = store.getCertificateChain(card.id());
            if (chain == null || chain.length == 0 || store.getKey(card.id(), card.pin().toCharArray()) == null) {
                throw new GeneralSecurityException("no key entry " + card.id());
            }
            X509Certificate certificate = (X509Certificate) chain[0];
            if (chain.length < 2 || !Arrays.equals(chain[1].getEncoded(), issuer.certificate().getEncoded())) {
                throw new GeneralSecurityException(card.id() + " was issued by another " + issuer.name());
            }
            return new IssuedCard(card, issuer, certificate, pkcs12);
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot read the PKCS#12 file of " + card.id(), e);
        }
    }

    @Override
    public String toString() {
        return "IssuedCard[" + card.id() + ", serial " + certificate.getSerialNumber().toString(16) + "]";
    }
}
