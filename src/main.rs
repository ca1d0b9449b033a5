fn main() {
    kasipodaq_portal::start();
}
