package telegate.telegram.emulator;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The JPEG image at the start of a generated photo: soft colour gradients with a
 * few rings, their colours taken from the photo's seed, so photos differ and
 * decode to the stated width and height. Drawn pixel by pixel (no fonts: a
 * headless server may have none) and written by the JDK's JPEG writer.
 *
 * <p>Such an image is a few kilobytes, well under the smallest photo of the data
 * set (320x240 stated at 9,600 bytes or more); should one not fit its stated
 * size, a flat image at low quality (about 4 bytes per 16x16 pixels) does.
 */
final class PhotoImage {

    private static final float QUALITY = 0.6f;
    private static final float FLAT_QUALITY = 0.1f;

    private PhotoImage() {
    }

    /**
     * The encoded image, ending with the JPEG end marker, at most {@code maxBytes} long.
     *
     * @throws IllegalArgumentException when not even a flat image of that size fits
     */
    static byte[] jpeg(int width, int height, long seed, long maxBytes) {
        byte[] image = encode(draw(width, height, seed, false), QUALITY);
        if (image.length > maxBytes) {
            image = encode(draw(width, height, seed, true), FLAT_QUALITY);
        }
        if (image.length > maxBytes) {
            throw new IllegalArgumentException("no JPEG of " + width + "x" + height + " fits in " + maxBytes + " bytes");
        }
        return image;
    }

    private static BufferedImage draw(int width, int height, long seed, boolean flat) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        int red = (int) (seed & 0x7F) + 64;
        int green = (int) ((seed >>> 8) & 0x7F) + 64;
        int blue = (int) ((seed >>> 16) & 0x7F) + 64;
        int centreX = (int) Math.floorMod(seed >>> 24, (long) width);
        int centreY = (int) Math.floorMod(seed >>> 40, (long) height);
        int ring = Math.max(8, Math.min(width, height) / 6);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = red;
                int g = green;
                int b = blue;
                if (!flat) {
                    r += x * 60 / width;
                    g += y * 60 / height;
                    long dx = x - centreX;
                    long dy = y - centreY;
                    int distance = (int) Math.sqrt((double) (dx * dx + dy * dy));
                    b += (distance / ring) % 2 == 0 ? 50 : -50;
                }
                pixels[y * width + x] = (clamp(r) << 16) | (clamp(g) << 8) | clamp(b);
            }
        }
        return image;
    }

    private static int clamp(int channel) {
        return Math.max(0, Math.min(255, channel));
    }

    private static byte[] encode(BufferedImage image, float quality) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        if (!writers.hasNext()) {
            throw new IllegalStateException("the JDK has no JPEG writer");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16_384);
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriteParam parameters = writer.getDefaultWriteParam();
            parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            parameters.setCompressionQuality(quality);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), parameters);
        } catch (IOException e) {
            throw new UncheckedIOException("the JPEG writer failed in memory", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
