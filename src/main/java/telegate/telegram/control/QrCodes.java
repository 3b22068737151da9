package telegate.telegram.control;

/**
 * Where a QR-code login shows its links (PROTOCOL.md 2.12): the first one and
 * each one Telegram renews; cancelled when its client stops waiting.
 */
public interface QrCodes extends Cancellation {

    void show(String link);
}
