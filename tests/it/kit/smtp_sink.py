# A real SMTP server for the tests of `stp notify` (tests/it/kit/smtp.rs): aiosmtpd on
# 127.0.0.1:PORT, each accepted message written whole to OUT_DIR as a .eml file; every
# address named after PORT is refused at RCPT TO with 550. Prints "ready" once listening
# and stops when its standard input closes. With STP_TEST_SMTP_CERT and STP_TEST_SMTP_KEY
# set it offers STARTTLS with that certificate and requires it before any mail.
import os
import ssl
import sys
import time

from aiosmtpd.controller import Controller

out_dir, port = sys.argv[1], int(sys.argv[2])
refused = {a.lower() for a in sys.argv[3:]}


class Sink:
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in refused:
            return "550 5.1.1 <%s>: mailbox unavailable" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        name = os.path.join(out_dir, "%d.eml" % time.time_ns())
        with open(name + ".tmp", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        os.rename(name + ".tmp", name)
        return "250 Message accepted"


tls = {}
if os.environ.get("STP_TEST_SMTP_CERT"):
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(os.environ["STP_TEST_SMTP_CERT"], os.environ["STP_TEST_SMTP_KEY"])
    tls = {"tls_context": context, "require_starttls": True}
controller = Controller(Sink(), hostname="127.0.0.1", port=port, **tls)
controller.start()
print("ready", flush=True)
sys.stdin.read()
controller.stop()
