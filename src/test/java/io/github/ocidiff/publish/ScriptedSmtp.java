package io.github.ocidiff.publish;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * An SMTP server for one mail, without AUTH or STARTTLS, that announces a message size limit (SIZE, RFC 1870)
 * and ends the mail with a reply of the test's choosing, as GreenMail does neither.
 */
public final class ScriptedSmtp implements AutoCloseable {
    private final ServerSocket socket;
    private final CompletableFuture<byte[]> received = new CompletableFuture<>();

    /**
     * @param size     the limit announced in the EHLO reply, or 0 for none
     * @param endReply the reply to the mail's end of data, e.g. "250 OK" or "552 5.3.4 Message too big"
     */
    ScriptedSmtp(long size, String endReply) throws IOException {
        this(size, endReply, null);
    }

    /** @param refused an address the server refuses as a recipient (550) or as the sender (553), or null */
    public ScriptedSmtp(long size, String endReply, String refused) throws IOException {
        socket = new ServerSocket(0);
        Thread thread = new Thread(() -> serve(size, endReply, refused), "scripted-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** The mail's data as it arrived, its dot-stuffing undone. */
    public byte[] received() throws Exception {
        return received.get(10, TimeUnit.SECONDS);
    }

    /** Whether a mail's data arrived: once the client has quit, a mail sent has. */
    public boolean receivedAny() {
        return received.isDone();
    }

    private void serve(long size, String endReply, String refused) {
        try (Socket client = socket.accept();
             BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
             OutputStream out = client.getOutputStream()) {
            reply(out, "220 scripted ESMTP");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO")) {
                    reply(out, size > 0 ? "250-scripted\r\n250 SIZE " + size : "250 scripted");
                } else if (command.startsWith("DATA")) {
                    reply(out, "354 go on");
                    ByteArrayOutputStream data = new ByteArrayOutputStream();
                    for (String body = in.readLine(); body != null && !body.equals("."); body = in.readLine()) {
                        data.write((body.startsWith("..") ? body.substring(1) : body).getBytes(StandardCharsets.ISO_8859_1));
                        data.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    }
                    received.complete(data.toByteArray());
                    reply(out, endReply);
                } else if (refused != null && command.startsWith("RCPT TO") && line.contains("<" + refused + ">")) {
                    reply(out, "550 5.1.1 <" + refused + ">: Recipient address rejected: User unknown");
                } else if (refused != null && command.startsWith("MAIL FROM") && line.contains("<" + refused + ">")) {
                    reply(out, "553 5.7.1 <" + refused + ">: Sender address rejected: not an approved sender");
                } else if (command.startsWith("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    reply(out, "250 OK");
                }
            }
        } catch (IOException e) {
            received.completeExceptionally(new UncheckedIOException(e));
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
